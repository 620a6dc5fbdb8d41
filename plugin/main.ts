/**
 * `pulumi-resource-sagemaker`: the engine starts it with its own address as the argument and
 * reads the port it serves on from the first line of stdout. Anything else the process prints
 * goes to stderr, which the engine shows.
 */
import { useEngine } from "../provider/engine/log";
import { serve } from "./server";

console.log = console.error; // stdout carries the port only
// Warnings (e.g. what `adopt` will do, at preview) go to the engine's Log: the engine does not show a plugin's stderr.
useEngine(process.argv[2]);

serve().then(({ port }) => {
    process.stdout.write(`${port}\n`);
}, (err) => {
    console.error(`pulumi-resource-sagemaker: cannot serve: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
});
