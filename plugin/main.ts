/**
 * `pulumi-resource-sagemaker`: the engine starts it with its own address as the argument and
 * reads the port it serves on from the first line of stdout. Anything else the process prints
 * goes to stderr, which the engine shows.
 */
import { serve } from "./server";

console.log = console.error; // stdout carries the port only

serve().then(({ port }) => {
    process.stdout.write(`${port}\n`);
}, (err) => {
    console.error(`pulumi-resource-sagemaker: cannot serve: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
});
