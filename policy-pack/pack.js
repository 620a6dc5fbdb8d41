// The ready-made `sagemaker-guardrails` pack: every guardrail at its defaults (change them with
// --policy-pack-config). The engine requires this directory, so Node runs package.json's "main",
// this file; the policies are the compiled library in ./dist (`npm run build`).
"use strict";
const { PolicyPack } = require("@pulumi/policy");

let library;
try {
    library = require("./dist");
} catch (e) {
    if (e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes("./dist")) {
        throw new Error(`sagemaker-guardrails: ${__dirname}/dist is missing; build it with \`npm run build\` in ${__dirname}.`);
    }
    throw e;
}
new PolicyPack(library.READY_PACK_NAME, library.readyPackArgs());
