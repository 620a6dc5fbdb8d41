// `npm pack` of a package directory, as a user's `npm install` of the published package would see
// it. Packs what is there (`--ignore-scripts`: no prepack build), so build first (`npm run build`;
// `npm test` does it).
import { spawnSync } from "child_process";

export interface PackedFile {
    path: string;
    size: number;
    mode: number;
}

export interface PackResult {
    name: string;
    version: string;
    /** the tarball's file name (in the destination directory; for a dry run, what it would be) */
    filename: string;
    files: PackedFile[];
    entryCount: number;
    /** bytes, packed and unpacked */
    size: number;
    unpackedSize: number;
}

function npmPack(packageDir: string, args: string[]): PackResult {
    const out = spawnSync("npm", ["pack", "--json", "--ignore-scripts", "--loglevel=error", ...args], {
        cwd: packageDir,
        encoding: "utf8",
        timeout: 120_000,
    });
    if (out.status !== 0) {
        throw new Error(`npm pack ${args.join(" ")} in ${packageDir} exited ${out.status}:\n${out.stderr}${out.stdout}`);
    }
    const [result] = JSON.parse(out.stdout) as PackResult[];
    return result;
}

/** What `npm pack` would put in the tarball (`npm pack --dry-run --json`). */
export function packDryRun(packageDir: string): PackResult {
    return npmPack(packageDir, ["--dry-run"]);
}

/** Packs `packageDir` into `destination`; returns the result with the tarball's file name there. */
export function pack(packageDir: string, destination: string): PackResult {
    return npmPack(packageDir, ["--pack-destination", destination]);
}
