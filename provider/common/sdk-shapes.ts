/**
 * The SDK's shape types this library names, taken from its model declaration files instead of its package
 * index. The index declares the client and every command (over 500 declaration files), and a type named in
 * our public declarations makes each user program's type check (Pulumi runs TypeScript programs through
 * ts-node) load them all: 1302 files and +86 MiB of program memory against 361 files for a no-op resource
 * (docs/PERFORMANCE.md, issue 26). The shapes alone are the model files and the enums.
 *
 * Type-only: these paths hold declarations, no JavaScript. When an SDK upgrade moves a shape to another
 * models_N file, `tsc` names it here. The client and command types stay on the index (provider/aws/client.ts, one layer up);
 * tests/unit/package/declarations.test.ts fails when the public declarations reach the index again.
 */
export type { ModelApprovalStatus, ModelPackageStatus } from "@aws-sdk/client-sagemaker/dist-types/models/enums";
export type {
    AdditionalInferenceSpecificationDefinition, InferenceSpecification, Tag, VpcConfig,
} from "@aws-sdk/client-sagemaker/dist-types/models/models_0";
export type {
    ContainerDefinition, CreateModelInput, CreateModelPackageGroupInput, CreateModelPackageInput, InferenceExecutionConfig,
    ManagedConfiguration, ModelLifeCycle, ModelPackageModelCard,
} from "@aws-sdk/client-sagemaker/dist-types/models/models_1";
export type {
    DescribeModelOutput, DescribeModelPackageGroupOutput, DescribeModelPackageOutput, ModelPackageStatusDetails,
} from "@aws-sdk/client-sagemaker/dist-types/models/models_3";
export type { ModelPackageSummary } from "@aws-sdk/client-sagemaker/dist-types/models/models_4";
