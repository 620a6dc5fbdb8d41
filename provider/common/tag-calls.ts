import type { SageMakerClient, Tag } from "@aws-sdk/client-sagemaker";
import { sdk } from "../aws/client";
import { describeAwsError, type ErrorContext } from "../aws/errors";
import { sortTags, type TagChanges } from "./tags";
import { isAbsent } from "./values";

/** Who the calls are for: a resource label (`Model "m"`), or one with values to scrub from errors. */
export type TagTarget = string | Omit<ErrorContext, "operation">;

function context(target: TagTarget, operation: string): ErrorContext {
    return typeof target === "string" ? { resource: target, operation } : { ...target, operation };
}

/**
 * The tag API calls every resource kind makes (AddTags/DeleteTags/ListTags work on any SageMaker
 * ARN). Errors come back translated, naming the resource. The SDK is required at call time.
 */

/** All tags of a resource (ListTags pages through NextToken). `aws:` tags are AWS's, not the program's. */
export async function listTags(client: SageMakerClient, arn: string, target: TagTarget): Promise<Tag[]> {
    const { ListTagsCommand } = sdk();
    const tags: Tag[] = [];
    let NextToken: string | undefined;
    do {
        try {
            const page = await client.send(new ListTagsCommand({ ResourceArn: arn, NextToken, MaxResults: 100 }));
            tags.push(...(page.Tags ?? []));
            NextToken = page.NextToken;
        } catch (err) {
            throw describeAwsError(err, context(target, "ListTags"));
        }
    } while (NextToken);
    return tags.filter((t) => !(t.Key ?? "").startsWith("aws:"));
}

/** Tags for refreshed inputs, sorted; undefined (leave Tags as they are) when none were declared and there are none. */
export async function refreshedTags(client: SageMakerClient, arn: string, target: TagTarget, declared: unknown): Promise<Tag[] | undefined> {
    const tags = sortTags(await listTags(client, arn, target)) ?? [];
    return !isAbsent(declared) || tags.length > 0 ? tags : undefined;
}

/** At most one AddTags and one DeleteTags call (see diffTags). */
export async function applyTagChanges(client: SageMakerClient, arn: string, changes: TagChanges, target: TagTarget): Promise<void> {
    const { AddTagsCommand, DeleteTagsCommand } = sdk();
    if (changes.toRemove.length > 0) {
        try {
            await client.send(new DeleteTagsCommand({ ResourceArn: arn, TagKeys: changes.toRemove }));
        } catch (err) {
            throw describeAwsError(err, context(target, "DeleteTags"));
        }
    }
    if (changes.toAdd.length > 0) {
        try {
            await client.send(new AddTagsCommand({ ResourceArn: arn, Tags: changes.toAdd }));
        } catch (err) {
            throw describeAwsError(err, context(target, "AddTags"));
        }
    }
}
