// Mutation testing of the rule-bearing files (issue 21), with StrykerJS and its mocha runner.
// On demand, never in CI: `npm run test:mutation` (everything below), or one file or folder:
// `npm run test:mutation -- --mutate provider/aws/retry.ts`. Incremental: reports/stryker-incremental.json
// keeps the last results, so a re-run tests only mutants in changed code or covered by changed tests.
// The score, the command and the mutants left as equivalent (with why): docs/ARCHITECTURE.md, "Mutation testing".
// STRYKER_SPEC (optional): a comma-separated list of mocha spec globs that replaces the default spec
// below, for a short dry run when only some tests can reach the mutated files, e.g. for the pack:
// `STRYKER_SPEC='tests/unit/policy-pack/**/*.test.ts' npm run test:mutation -- --mutate 'policy-pack/src/locations/**/*.ts'`.
// Unset, every spec below runs.
const DEFAULT_SPEC = [
    "tests/unit/{aws,common,engine,identity,model,model-package,model-package-group,registry,shapes,property,facts,policy-pack}/**/*.test.ts",
    "tests/integration/{engine,model,model-package,local-endpoint,aws}/**/*.test.ts"
];
const spec = process.env.STRYKER_SPEC ? process.env.STRYKER_SPEC.split(",").map((s) => s.trim()).filter(Boolean) : DEFAULT_SPEC;

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
    "testRunner": "mocha",
    "mochaOptions": {
        "config": ".mocharc.json",
        spec
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
