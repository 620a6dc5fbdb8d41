/**
 * Drives a kind's lifecycle the way the engine does (check, then
 * create or diff+update, read, delete), against the local endpoint.
 */
import * as assert from "assert";
import type { LocalEndpoint } from "../../local-endpoint";
import type { Lifecycle } from "../../provider/common/lifecycle";
import type { ProviderSettings } from "../../provider/common/settings";
import { waitOverrides } from "../../provider/model-package/wait-for-completed";
import { POLL_ENV } from "../../provider/model-package/status-wait";

type Props = Record<string, unknown>;

export const PROVIDER = "serialized-provider-text";

export function settingsFor(ep: LocalEndpoint): ProviderSettings {
    return { endpoint: ep.url, region: "us-east-1", retryBaseDelayMs: 10 };
}

/** Progress lines the status wait reported (instead of stderr, to keep test output readable). */
export const progressLines: string[] = [];

/** Dummy credentials for the SDK and fast status polling, restored afterwards. */
export function useTestEnvironment(): void {
    const saved: Record<string, string | undefined> = {};
    const env = { AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", [POLL_ENV]: "10" };
    before(() => {
        for (const [k, v] of Object.entries(env)) {
            saved[k] = process.env[k];
            process.env[k] = v;
        }
        waitOverrides.progress = (line) => progressLines.push(line);
    });
    after(() => {
        delete waitOverrides.progress;
        for (const [k, v] of Object.entries(saved)) {
            if (v === undefined) {
                delete process.env[k];
            } else {
                process.env[k] = v;
            }
        }
    });
}

/** One resource's engine-side state: its checked inputs and its outputs. */
export interface Deployed {
    id: string;
    inputs: Props;
    outputs: Props;
}

export async function checked(lc: Lifecycle, settings: ProviderSettings, olds: Props, news: Props): Promise<Props> {
    const result = await lc.check(settings, olds, { ...news, __provider: PROVIDER });
    assert.deepStrictEqual(result.failures ?? [], [], "check failures");
    return result.inputs!;
}

export async function deploy(lc: Lifecycle, settings: ProviderSettings, news: Props): Promise<Deployed> {
    const inputs = await checked(lc, settings, {}, news);
    const { id, outs } = await lc.create(settings, inputs);
    return { id, inputs, outputs: { ...outs, __provider: PROVIDER } };
}

/** An update run: check against the old inputs, diff against the old outputs, then update. */
export async function redeploy(lc: Lifecycle, settings: ProviderSettings, current: Deployed, news: Props) {
    const inputs = await checked(lc, settings, current.inputs, news);
    const diff = await lc.diff(settings, current.id, current.outputs, inputs);
    let next: Deployed = current;
    if (diff.changes && (diff.replaces ?? []).length === 0) {
        const { outs } = await lc.update(settings, current.id, current.outputs, inputs);
        next = { id: current.id, inputs, outputs: { ...outs, __provider: PROVIDER } };
    }
    return { diff, next };
}
