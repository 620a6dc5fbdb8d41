// Generates the plugin's Pulumi package schema (schema/sagemaker.json) and its wire table
// (plugin/schema/wire.json) from the member specs and the committed API model.
// Run: npm run generate:plugin-schema (tests/unit/plugin/schema.test.ts fails when they are stale).
import * as fs from "fs";
import { committedSchemaFiles } from "../plugin/schema/files";
import { renderGenerated } from "./plugin/schema-generator";

const files = committedSchemaFiles();
const { schema, wire } = renderGenerated();
fs.writeFileSync(files.schema, schema);
fs.writeFileSync(files.wire, wire);
console.log(`wrote ${files.schema} and ${files.wire}`);
