// @pulumi/awsguard 0.3.1 as a list of policies. Its public API is the AwsGuard class, a PolicyPack of
// its own, and only one PolicyPack can be served per process. Each of its modules also exports its
// policy objects (typed @internal, so they are not in its .d.ts); we collect those and give them a level.
import { EnforcementLevel, Policy } from "@pulumi/policy";

const MODULES = ["apiGateway", "compute", "database", "elasticsearch", "network", "security", "storage"];

function isPolicy(v: unknown): v is Policy {
    const p = v as Partial<Policy> & { validateResource?: unknown; validateStack?: unknown };
    return typeof p === "object" && p !== null && typeof p.name === "string" && (p.validateResource !== undefined || p.validateStack !== undefined);
}

/** Every awsguard policy at `level`, except those in `levels` (by policy name) which get their own. */
export function awsguardPolicies(level: EnforcementLevel, levels: Record<string, EnforcementLevel> = {}): Policy[] {
    const found: Policy[] = [];
    for (const m of MODULES) {
        const exported = require(`@pulumi/awsguard/${m}`) as Record<string, unknown>;
        for (const p of Object.values(exported).filter(isPolicy)) {
            found.push({ ...p, enforcementLevel: levels[p.name] ?? level });
        }
    }
    const unknown = Object.keys(levels).filter(name => !found.some(p => p.name === name));
    if (unknown.length > 0) {
        throw new Error(`awsguardPolicies: no awsguard policy named ${unknown.join(", ")}`);
    }
    return found;
}
