import * as fs from "fs";
import * as path from "path";
import type * as TS from "typescript";
import { ownerOf } from "./heap-profile";
import type { TypeCheckFiles } from "./scale-types";

/**
 * What the TypeScript type check of a bench program loads (Pulumi runs TypeScript programs through
 * ts-node, which type-checks them): the source and declaration files by owner package, and their bytes.
 * The program's heap (heap-profile.ts) shows what that costs; this shows why one program's is larger.
 */

export function typeCheckFiles(programDir: string): TypeCheckFiles {
    const ts = require("typescript") as typeof TS;
    const program = ts.createProgram([path.join(programDir, "index.ts")], {
        target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10,
        strict: true, skipLibCheck: true, types: ["node"], noEmit: true,
    });
    const byPackage = new Map<string, [number, number]>();
    let bytes = 0;
    const files = program.getSourceFiles();
    for (const f of files) {
        const size = fs.existsSync(f.fileName) ? fs.statSync(f.fileName).size : f.text.length;
        bytes += size;
        const owner = f.fileName.includes("/node_modules/typescript/lib/") ? "typescript (lib.*.d.ts)" : ownerOf(f.fileName);
        const [n, b] = byPackage.get(owner) ?? [0, 0];
        byPackage.set(owner, [n + 1, b + size]);
    }
    return { files: files.length, bytes, byPackage: [...byPackage.entries()].map(([k, [n, b]]) => [k, n, b] as [string, number, number]).sort((a, b) => b[2] - a[2]) };
}
