/**
 * The wire table (schema/wire.json, generated with the schema): how a value is renamed between the
 * schema's camelCase names and the API's, per shape of the API model (scalars need nothing).
 */
export type WireShape =
    | { type: "structure"; members: Record<string, { api: string; shape?: string }> }
    | { type: "list"; member: string }
    | { type: "map"; value: string };

export interface WireTable {
    /** Per kind: every member and computed output by its schema name (own settings are the same in both). */
    resources: Record<string, { token: string; members: Record<string, { api: string; shape?: string }>; stables: string[] }>;
    shapes: Record<string, WireShape>;
}
