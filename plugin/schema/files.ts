import * as fs from "fs";
import * as path from "path";

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
