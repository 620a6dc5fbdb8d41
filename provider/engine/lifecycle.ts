import type { Lifecycle } from "../common/lifecycle";
import { withCurrentKeys } from "../common/internal-keys";
import { StackConfigError, type ProviderSettings } from "../common/settings";
import { checkResource } from "./check";
import { create, previewAdopt } from "./create";
import { engineWarning } from "./log";
import { diffInputs } from "./diff";
import type { KindSpec } from "./kind";
import { read, remove } from "./read-delete";
import { update } from "./update";

/**
 * The one lifecycle every kind runs, driven by its spec. The pure core: check (check.ts), diff and
 * the update plan (diff.ts), outputs and refreshed inputs (state.ts), `matches` (match.ts). The
 * I/O shell, which calls SageMaker only through the kind's declared commands (context.ts): create
 * with lost-response recovery, the kind's recovery policy and `adopt` (create.ts), update
 * (update.ts), read and delete (read-delete.ts). Errors name the resource and the operation, with
 * secrets scrubbed.
 */

/** Every call but check fails the same way when the stack config is malformed (see settings.ts). */
function configured(settings: ProviderSettings): void {
    if (settings.configError !== undefined) {
        throw new StackConfigError(settings.configError);
    }
}

/**
 * The lifecycle the serialized providers (and the plugin) call, for one kind's spec. What comes from
 * the state (old inputs and outputs) may carry a previous release's names of our bookkeeping keys:
 * each call reads them under the current names (internal-keys.ts), and what it writes has only those.
 */
export function lifecycleOf<D>(spec: KindSpec<D>): Lifecycle {
    return {
        check: async (settings, stored, news) => {
            const olds = withCurrentKeys(stored);
            const result = await checkResource(spec as KindSpec, settings, olds, news);
            // A resource not in the state yet (no old inputs): preview shows what `adopt` will do.
            if ((result.failures ?? []).length > 0 || Object.keys(olds ?? {}).length > 0) {
                return result;
            }
            const adopt = await previewAdopt(spec as KindSpec, settings, result.inputs);
            adopt.warnings.forEach((w) => engineWarning(w));
            return adopt.failures.length > 0 ? { ...result, failures: adopt.failures } : result;
        },
        diff: async (settings, _id, olds, news) => (configured(settings), diffInputs(spec as KindSpec, settings, withCurrentKeys(olds), news)),
        create: async (settings, inputs) => (configured(settings), create(spec, settings, inputs)),
        read: async (settings, id, props) => (configured(settings), read(spec, settings, id, withCurrentKeys(props))),
        update: async (settings, id, olds, news) => (configured(settings), update(spec, settings, id, withCurrentKeys(olds), news)),
        delete: async (settings, id, props) => (configured(settings), remove(spec, settings, id, withCurrentKeys(props))),
    };
}
