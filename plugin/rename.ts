/**
 * Values between the schema's names (camelCase) and the API's (PascalCase), guided by the wire
 * table the schema generator writes (schema/wire.json): structure members are renamed, map keys
 * (an environment's variables, metadata keys) never are, lists are walked item by item. Our own
 * settings and unknown keys pass through unchanged, and so does the engine's unknown marker, so
 * a value the table does not describe reaches check()'s validation as it was written.
 */
import type { WireShape, WireTable } from "./schema/wire";

type Props = Record<string, unknown>;
type Members = Record<string, { api: string; shape?: string }>;

function isObject(v: unknown): v is Props {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

export class Renamer {
    private readonly reverse = new Map<Members, Members>();
    constructor(private readonly table: WireTable) {}

    private members(kind: string): Members {
        const r = this.table.resources[kind];
        if (!r) {
            throw new Error(`unknown resource kind ${kind}`);
        }
        return r.members;
    }

    /** The same members keyed by API name. */
    private byApi(members: Members): Members {
        let m = this.reverse.get(members);
        if (!m) {
            m = Object.fromEntries(Object.entries(members).map(([camel, { api, shape }]) => [api, { api: camel, shape }]));
            this.reverse.set(members, m);
        }
        return m;
    }

    /** A resource's properties in the API's names. */
    toApi(kind: string, props: Props): Props {
        return this.object(props, this.members(kind), "toApi");
    }

    /** A resource's properties in the schema's names. */
    fromApi(kind: string, props: Props): Props {
        return this.object(props, this.byApi(this.members(kind)), "fromApi");
    }

    private object(value: Props, members: Members, dir: "toApi" | "fromApi"): Props {
        const out: Props = {};
        for (const [key, v] of Object.entries(value)) {
            const m = members[key];
            Object.defineProperty(out, m ? m.api : key, { value: m?.shape ? this.value(v, m.shape, dir) : v, enumerable: true, writable: true, configurable: true });
        }
        return out;
    }

    private value(v: unknown, shapeName: string, dir: "toApi" | "fromApi"): unknown {
        const shape: WireShape | undefined = this.table.shapes[shapeName];
        if (!shape) {
            return v;
        }
        switch (shape.type) {
            case "structure":
                return isObject(v) ? this.object(v, dir === "toApi" ? shape.members : this.byApi(shape.members), dir) : v;
            case "list":
                return Array.isArray(v) ? v.map((x) => this.value(x, shape.member, dir)) : v;
            case "map":
                return isObject(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.value(x, shape.value, dir)])) : v;
        }
    }

    /**
     * A check failure's property path (`PrimaryContainer.Environment.MY_VAR`, `Containers[1].Image`)
     * in the schema's names (`primaryContainer.environment.MY_VAR`, `containers[1].image`).
     */
    pathFromApi(kind: string, path: string): string {
        let members: Members | undefined = this.byApi(this.members(kind));
        let shapeName: string | undefined;
        const parts = path.match(/[^.[\]]+|\[\d+\]/g) ?? [];
        let out = "";
        for (const part of parts) {
            if (part.startsWith("[")) {
                out += part;
                const s = shapeName ? this.table.shapes[shapeName] : undefined;
                shapeName = s?.type === "list" ? s.member : undefined;
                members = this.structureMembers(shapeName);
                continue;
            }
            const m: { api: string; shape?: string } | undefined = members?.[part];
            const name = m ? m.api : part;
            out += out === "" ? name : `.${name}`;
            if (m) {
                shapeName = m.shape;
            } else {
                const s = shapeName ? this.table.shapes[shapeName] : undefined;
                shapeName = s?.type === "map" ? s.value : undefined; // a map key
            }
            members = this.structureMembers(shapeName);
        }
        return out;
    }

    private structureMembers(shapeName: string | undefined): Members | undefined {
        const s = shapeName ? this.table.shapes[shapeName] : undefined;
        return s?.type === "structure" ? this.byApi(s.members) : undefined;
    }
}
