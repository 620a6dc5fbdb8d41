// The provider's import graph (docs/ARCHITECTURE.md, "Layers and the seam"), checked in CI by
// `npm run --silent check:imports`. Type-only imports count: an arrow is an arrow.
//
// Layers, lowest first; an import may point down or sideways, never up:
//   identity -> common -> shapes, rules -> aws -> engine -> model, model-package, model-package-group -> registry, runtime.ts, index.ts
// Engine floors (at most 4): a file imports only files of lower floors.
//   1 kind, log    2 request, match, diff, state, context    3 check, create, update, read-delete    4 lifecycle
// A kind sees the engine only through its kind interface (engine/kind.ts).

const KINDS = "(model|model-package|model-package-group)";
const ABOVE = {
    common: `^provider/(shapes|rules|aws|engine|${KINDS}|registry)/|^provider/(runtime|index)\\.ts$`,
    shapesAndRules: `^provider/(aws|engine|${KINDS}|registry)/|^provider/(runtime|index)\\.ts$`,
    aws: `^provider/(engine|${KINDS}|registry)/|^provider/(runtime|index)\\.ts$`,
    engine: `^provider/(${KINDS}|registry)/|^provider/(runtime|index)\\.ts$`,
    kinds: "^provider/registry/|^provider/(runtime|index)\\.ts$",
};
const FLOOR_1 = "(kind|log)";
const FLOOR_2 = "(request|match|diff|state|context)";
const FLOOR_3 = "(check|create|update|read-delete)";
const FLOOR_4 = "lifecycle";
const engine = (files) => `^provider/engine/${files}\\.ts$`;

const upward = (name, from, to) => ({
    name: `no-upward-import-${name}`,
    comment: `${name} is below what it imports here: move the shared part down, or the caller up`,
    severity: "error",
    from: { path: from },
    to: { path: to },
});

module.exports = {
    forbidden: [
        upward("identity", "^provider/identity/", "^provider/(?!identity/)"),
        upward("common", "^provider/common/", ABOVE.common),
        upward("shapes-rules", "^provider/(shapes|rules)/", ABOVE.shapesAndRules),
        upward("aws", "^provider/aws/", ABOVE.aws),
        upward("engine", "^provider/engine/", ABOVE.engine),
        upward("kinds", `^provider/${KINDS}/`, ABOVE.kinds),
        {
            name: "kind-sees-only-the-kind-interface",
            comment: "a kind (model/, model-package/, model-package-group/) imports engine/kind.ts and no other engine file",
            severity: "error",
            from: { path: `^provider/${KINDS}/` },
            to: { path: "^provider/engine/", pathNot: engine("kind") },
        },
        {
            name: "engine-floor-1",
            comment: "floor 1 (engine/kind.ts, engine/log.ts) imports no engine file",
            severity: "error",
            from: { path: engine(FLOOR_1) },
            to: { path: "^provider/engine/" },
        },
        {
            name: "engine-floor-2",
            comment: "floor 2 (the pure core's parts and the I/O context) imports only floor 1",
            severity: "error",
            from: { path: engine(FLOOR_2) },
            to: { path: "^provider/engine/", pathNot: engine(FLOOR_1) },
        },
        {
            name: "engine-floor-3",
            comment: "floor 3 (check and the I/O shell's steps) imports only floors 1 and 2",
            severity: "error",
            from: { path: engine(FLOOR_3) },
            to: { path: "^provider/engine/", pathNot: `${engine(FLOOR_1)}|${engine(FLOOR_2)}` },
        },
        {
            name: "engine-file-on-a-floor",
            comment: "every engine file is on one of the 4 floors: add a new file to a floor here",
            severity: "error",
            from: { path: "^provider/engine/", pathNot: `${engine(FLOOR_1)}|${engine(FLOOR_2)}|${engine(FLOOR_3)}|${engine(FLOOR_4)}` },
            to: {},
        },
        {
            name: "no-cycles",
            severity: "error",
            from: { path: "^(provider|local-endpoint|bench)/" },
            to: { circular: true },
        },
    ],
    options: {
        doNotFollow: { path: "node_modules" },
        tsPreCompilationDeps: true,
        tsConfig: { fileName: "tsconfig.json" },
        exclude: { path: "\\.json$" },
    },
};
