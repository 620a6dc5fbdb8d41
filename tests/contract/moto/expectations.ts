// What the contract suite finds on moto 5.2.5 (`moto[server]` from PyPI), one row per assumption,
// with why, from moto's source (moto/sagemaker/models.py and responses.py of that release:
// SageMakerModelBackend is the backend in models.py, SageMakerResponse the request handler in
// responses.py). CI (tests/contract/moto/run.sh) fails when a run differs from it in either
// direction, so a moto upgrade or a change of the suite that changes an outcome is seen and
// explained here. docs/LOCAL-ENDPOINT.md ("Running on moto or LocalStack") is written from it.
export const MOTO_VERSION = "5.2.5";

export interface Expectation {
    id: string;
    outcome: "holds" | "FAILS";
    why: string;
    /** The moto function that explains the outcome. */
    source: string;
}

const NO_DELETE = "SageMakerResponse has no delete_model_package / delete_model_package_group: moto answers HTTP 500 with an HTML page (the SDK's deserialization error)";
const NO_VALIDATION = "CreateModel stores the request as given: no length, pattern, list-size, map-key or cross-member check";

export const MOTO_EXPECTATIONS: Expectation[] = [
    { id: "C01", outcome: "FAILS", why: "the model ARN keeps the name's letter case", source: "models.py Model.__init__ (arn_formatter(\"model\", self.model_name, …), utils.py arn_formatter does not lower-case)" },
    { id: "C02", outcome: "FAILS", why: "a second CreateModel of the same name replaces the first", source: "models.py SageMakerModelBackend.create_model (self._models[model_name] = model_obj, no existence check)" },
    { id: "C03", outcome: "holds", why: "DeleteModel removes it; DescribeModel then answers ValidationException \"Could not find model\"", source: "models.py SageMakerModelBackend.delete_model, describe_model" },
    { id: "C04", outcome: "holds", why: "ValidationException \"Could not find model '<arn>'\"", source: "models.py SageMakerModelBackend.describe_model" },
    { id: "C05", outcome: "holds", why: "ValidationException 'Could not find model \"<name>\"'", source: "models.py SageMakerModelBackend.delete_model (exceptions.py MissingModel)" },
    { id: "C06", outcome: "holds", why: "ValidationException \"ModelPackageGroup <arn> does not exist.\"", source: "models.py SageMakerModelBackend.describe_model_package_group" },
    { id: "C07", outcome: "FAILS", why: NO_DELETE, source: "responses.py SageMakerResponse (no delete_model_package_group)" },
    { id: "C08", outcome: "holds", why: "ValidationException \"Model package <name> not found\"", source: "models.py SageMakerModelBackend.describe_model_package" },
    { id: "C09", outcome: "FAILS", why: NO_DELETE, source: "responses.py SageMakerResponse (no delete_model_package)" },
    { id: "C10", outcome: "holds", why: "ValidationException \"Model package <arn> not found\"", source: "models.py SageMakerModelBackend.describe_model_package" },
    { id: "C11", outcome: "FAILS", why: "AddTags appends: ListTags then returns the key twice (team=a and team=b)", source: "models.py SageMakerModelBackend.add_tags (resource.tags.extend(tags))" },
    { id: "C12", outcome: "holds", why: "DeleteTags keeps the tags whose key was not named", source: "models.py SageMakerModelBackend.delete_tags" },
    { id: "C13", outcome: "holds", why: "CreateModel's Tags are stored and listed as given", source: "models.py SageMakerModelBackend.create_model, list_tags" },
    { id: "C14", outcome: "holds", why: "model-package-group is one of the taggable resource types", source: "models.py SageMakerModelBackend._get_resource_from_arn" },
    { id: "C15", outcome: "FAILS", why: "a version ARN (model-package/<group>/<n>) has two slashes: the lookup fails to unpack it, HTTP 500", source: "models.py SageMakerModelBackend._get_resource_from_arn (target_resource, target_name = ….split(\"/\"))" },
    { id: "C16", outcome: "FAILS", why: "model-package is not among the taggable resource types: HTTP 500", source: "models.py SageMakerModelBackend._get_resource_from_arn (resources.get(\"model-package\") is None)" },
    { id: "C17", outcome: "FAILS", why: "a second CreateModelPackageGroup of the same name replaces the first", source: "models.py SageMakerModelBackend.create_model_package_group (no existence check)" },
    { id: "C18", outcome: "FAILS", why: NO_DELETE, source: "responses.py SageMakerResponse (no delete_model_package_group)" },
    { id: "C19", outcome: "FAILS", why: `the "refusal" is the 500 of a missing operation, and the version cannot be deleted to show the group then can: ${NO_DELETE}`, source: "responses.py SageMakerResponse (no delete_model_package, delete_model_package_group)" },
    { id: "C20", outcome: "holds", why: "a package is Completed at once (never Pending or InProgress, which the assumption allows), with ModelPackageStatusDetails", source: "models.py ModelPackage.__init__ (model_package_status = \"Completed\"), gen_response_object" },
    { id: "C21", outcome: "holds", why: "version = the group's number of packages + 1", source: "models.py SageMakerModelBackend.create_model_package" },
    { id: "C22", outcome: "FAILS", why: "UpdateModelPackage sets CustomerMetadataProperties (and ApprovalDescription) to what it is sent: not sent, they are dropped", source: "models.py SageMakerModelBackend.update_model_package (model_package.customer_metadata_properties = customer_metadata_properties)" },
    { id: "C23", outcome: "FAILS", why: "CustomerMetadataProperties are replaced, not merged: the stored key \"stage\" is lost", source: "models.py SageMakerModelBackend.update_model_package" },
    { id: "C24", outcome: "FAILS", why: "ClientToken is stored but never looked up: the retry creates version 2", source: "models.py SageMakerModelBackend.create_model_package, ModelPackage.__init__ (self.client_token)" },
    { id: "C25", outcome: "FAILS", why: "a second unversioned package of the same name replaces the first", source: "models.py SageMakerModelBackend.create_model_package (self.model_packages[arn] = …, no existence check)" },
    { id: "C26", outcome: "FAILS", why: NO_DELETE, source: "responses.py SageMakerResponse (no delete_model_package)" },
    { id: "C27", outcome: "FAILS", why: "ModelLifeCycle is not read from CreateModelPackage: DescribeModelPackage has none", source: "responses.py SageMakerResponse.create_model_package (no ModelLifeCycle parameter), models.py ModelPackage" },
    { id: "C28", outcome: "FAILS", why: "UpdateModelPackage does not read ModelLifeCycle", source: "responses.py SageMakerResponse.update_model_package, models.py SageMakerModelBackend.update_model_package" },
    { id: "C29", outcome: "FAILS", why: "<group>/<version> is not a known name: moto maps a version's ARN and its group's name (to the newest version) only; ValidationException \"Model package <group>/<n> not found\"", source: "models.py SageMakerModelBackend.describe_model_package (model_package_name_mapping), create_model_package" },
    { id: "C30", outcome: "holds", why: "a version is found by its ARN", source: "models.py SageMakerModelBackend.describe_model_package (model_package_name_mapping[arn])" },
    { id: "C31", outcome: "holds", why: "ModelPackageGroupName filters to that group's versions (and sets the type to Versioned)", source: "models.py SageMakerModelBackend.list_model_packages" },
    { id: "C32", outcome: "holds", why: "ModelApprovalStatus filters", source: "models.py SageMakerModelBackend.list_model_packages" },
    { id: "C33", outcome: "holds", why: "creation_time > CreationTimeAfter", source: "models.py SageMakerModelBackend.list_model_packages" },
    { id: "C34", outcome: "holds", why: "creation_time < CreationTimeBefore", source: "models.py SageMakerModelBackend.list_model_packages" },
    { id: "C35", outcome: "holds", why: "sorted by creation_time, reversed for Descending", source: "models.py SageMakerModelBackend.list_model_packages" },
    { id: "C36", outcome: "holds", why: "MaxResults and NextToken are honoured", source: "models.py SageMakerModelBackend.list_model_packages (@paginate, PAGINATION_MODEL[\"list_model_packages\"])" },
    { id: "C37", outcome: "holds", why: "the summary carries ARN, group, version, approval, status and CreationTime", source: "models.py ModelPackage.gen_response_object" },
    { id: "C38", outcome: "holds", why: "a group ARN given as ModelPackageGroupName is cut to the name after the last slash", source: "models.py SageMakerModelBackend.list_model_packages (re.match(ARN_PARTITION_REGEX, …))" },
    { id: "C39", outcome: "FAILS", why: "groups are kept by name: an ARN is looked up as a name (ValidationException \"ModelPackageGroup arn:…:model-package-group/arn:…:model-package-group/<name> does not exist.\")", source: "models.py SageMakerModelBackend.describe_model_package_group (self.model_package_groups.get(model_package_group_name))" },
    { id: "C40", outcome: "FAILS", why: NO_VALIDATION, source: "responses.py SageMakerResponse.create_model, models.py SageMakerModelBackend.create_model" },
    { id: "C41", outcome: "FAILS", why: NO_VALIDATION, source: "responses.py SageMakerResponse.create_model, models.py SageMakerModelBackend.create_model" },
    { id: "C42", outcome: "holds", why: "the approval status is checked against its enum (ValidationException)", source: "models.py ModelPackage.set_model_approval_status, utils.py validate_model_approval_status" },
    { id: "C43", outcome: "FAILS", why: "a CreateModel without ModelName creates a model named None", source: "responses.py SageMakerResponse.create_model (self._get_param(\"ModelName\") is None), models.py SageMakerModelBackend.create_model" },
    { id: "C44", outcome: "FAILS", why: NO_VALIDATION, source: "responses.py SageMakerResponse.create_model, models.py SageMakerModelBackend.create_model" },
    { id: "C45", outcome: "FAILS", why: NO_VALIDATION, source: "responses.py SageMakerResponse.create_model, models.py SageMakerModelBackend.create_model" },
    { id: "C46", outcome: "FAILS", why: NO_VALIDATION, source: "responses.py SageMakerResponse.create_model, models.py SageMakerModelBackend.create_model" },
];
