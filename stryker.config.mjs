// Mutation testing of the rule-bearing files (issue 21), with StrykerJS and its mocha runner.
// On demand, never in CI: `npm run test:mutation` (everything below), or one file or folder:
// `npm run test:mutation -- --mutate provider/aws/retry.ts`. Incremental: reports/stryker-incremental.json
// keeps the last results, so a re-run tests only mutants in changed code or covered by changed tests.
// The score, the command and the mutants left as equivalent (with why): docs/ARCHITECTURE.md, "Mutation testing".
// STRYKER_SPEC (optional): a comma-separated list of globs that replaces mochaOptions.spec for one run,
// e.g. `STRYKER_SPEC="tests/unit/{model,engine}/**/*.test.ts,tests/integration/local-endpoint/*.test.ts"`
// (commas inside braces belong to the glob), so the dry run (which runs every spec) is shorter when the
// mutated files are covered by a few folders. Unset or empty: the list below.
const SPEC = splitGlobs(process.env.STRYKER_SPEC ?? "");

/** "a/{b,c}/*.ts,d/*.ts" -> ["a/{b,c}/*.ts", "d/*.ts"]: split at the commas outside braces. */
function splitGlobs(list) {
    const out = [];
    let depth = 0;
    let current = "";
    for (const ch of list) {
        depth += ch === "{" ? 1 : ch === "}" ? -1 : 0;
        if (ch === "," && depth === 0) {
            out.push(current);
            current = "";
        } else {
            current += ch;
        }
    }
    out.push(current);
    return out.map((s) => s.trim()).filter((s) => s !== "");
}
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
    "testRunner": "mocha",
    "mochaOptions": {
        "config": ".mocharc.json",
        "spec": SPEC.length > 0 ? SPEC : [
            "tests/unit/{aws,common,engine,identity,model,model-package,model-package-group,registry,rules,shapes,property,facts,policy-pack}/**/*.test.ts",
            "tests/integration/{engine,model,model-package,local-endpoint,aws}/**/*.test.ts"
        ]
    },
    "coverageAnalysis": "perTest",
    // Mocha runs ts-node transpile-only, so mutants need no `// @ts-nocheck`; and the header it adds
    // would break the test that the pack's generated copy of a provider file is verbatim.
    "disableTypeChecks": false,
    "mutate": [
        "provider/engine/**/*.ts",
        "provider/rules/**/*.ts",
        "provider/aws/errors.ts",
        "provider/aws/retry.ts",
        "provider/aws/propagation.ts",
        "provider/identity/**/*.ts",
        "provider/model/members.ts",
        "provider/model-package/members.ts",
        "provider/model-package/client-token.ts",
        "provider/model-package-group/members.ts",
        "local-endpoint/operations/model-packages.ts",
        "policy-pack/src/locations/**/*.ts",
        "policy-pack/src/policies/**/*.ts"
    ],
    "ignorePatterns": ["/dist", "/examples", "/bench/results", "/.cache", "/reports", "/tests/e2e"],
    "incremental": true,
    "incrementalFile": "reports/stryker-incremental.json",
    "reporters": [
        "clear-text",
        "progress",
        "json"
    ],
    "jsonReporter": {
        "fileName": "reports/mutation/mutation.json"
    },
    "concurrency": 2,
    "timeoutMS": 10000,
    "tempDirName": ".stryker-tmp",
    "cleanTempDir": "always"
};
