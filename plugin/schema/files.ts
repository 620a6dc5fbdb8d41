import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import type { KindSpec } from "../../provider/engine/kind";
import { generate, type ApiModel } from "./generate";

/** The repository (or installed package) root: the directory holding package.json above this file. */
export function packageRoot(from: string = __dirname): string {
    let dir = from;
    while (!fs.existsSync(path.join(dir, "package.json"))) {
        const up = path.dirname(dir);
        if (up === dir) {
            throw new Error(`no package.json above ${from}`);
        }
        dir = up;
    }
    return dir;
}

export function committedSchemaFiles(): { schema: string; wire: string } {
    const root = packageRoot();
    return { schema: path.join(root, "schema", "sagemaker.json"), wire: path.join(root, "schema", "wire.json") };
}

/** The schema and wire table as the generator makes them now, as the committed files' text. */
export function renderGenerated(): { schema: string; wire: string } {
    const root = packageRoot();
    const model = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(root, "scripts/api-model/sagemaker-2017-07-24.service-2.json.gz"))).toString("utf8")) as ApiModel;
    const version = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }).version;
    const specs: KindSpec[] = [
        require("../../provider/model-package-group/spec").modelPackageGroupSpec,
        require("../../provider/model-package/spec").modelPackageSpec,
        require("../../provider/model/spec").modelSpec,
    ];
    const { schema, wire } = generate(model, specs, version);
    return { schema: `${JSON.stringify(schema, null, 2)}\n`, wire: `${JSON.stringify(wire, null, 1)}\n` };
}
