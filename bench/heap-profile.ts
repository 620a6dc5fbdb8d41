import * as fs from "fs";
import * as path from "path";
import { round } from "./lib";
import type { HeapProfileSummary, Operation, Side } from "./scale-types";

/**
 * Reads a V8 sampling heap profile (`node --heap-prof`: written at the process's exit, so what it
 * holds is what the program still held then) and sums its samples by allocation site and by owner
 * package: which code owns the program's memory (issue 26: program peak RSS against no-op resources).
 */

interface Node {
    callFrame: { functionName: string; url: string; lineNumber: number };
    selfSize: number;
    children: Node[];
}

/** The package that owns a script: node_modules/<pkg> (scoped too), this repository's folder, or node's internals. */
export function ownerOf(url: string): string {
    const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url.split("node_modules/").length > 2 ? url.slice(url.lastIndexOf("node_modules/")) : url);
    if (nm) {
        return nm[1];
    }
    if (url.startsWith("node:") || url === "") {
        return url === "" ? "(native / V8)" : "node internals";
    }
    const repo = /\/(provider|bench|plugin|dist)\//.exec(url);
    return repo ? `this repository (${repo[1]}/)` : url;
}

export function summarizeHeapProfile(file: string, side: Side, n: number, op: Operation, topN = 6): HeapProfileSummary {
    const profile = JSON.parse(fs.readFileSync(file, "utf8")) as { head: Node };
    const bySite = new Map<string, number>();
    const byPackage: Record<string, number> = {};
    let total = 0;
    const walk = (node: Node) => {
        const f = node.callFrame;
        if (node.selfSize > 0) {
            const where = `${f.functionName || "(anonymous)"} (${f.url ? `${ownerOf(f.url)}: ${path.basename(f.url)}:${f.lineNumber + 1}` : "native"})`;
            bySite.set(where, (bySite.get(where) ?? 0) + node.selfSize);
            const pkg = ownerOf(f.url);
            byPackage[pkg] = (byPackage[pkg] ?? 0) + node.selfSize;
            total += node.selfSize;
        }
        node.children.forEach(walk);
    };
    walk(profile.head);
    const top = [...bySite.entries()].sort((a, b) => b[1] - a[1]).slice(0, topN).map(([where, bytes]) => ({ where, bytes }));
    const packages = Object.fromEntries(Object.entries(byPackage).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, round(v)]));
    return { side, n, op, totalBytes: total, top, byPackage: packages };
}
