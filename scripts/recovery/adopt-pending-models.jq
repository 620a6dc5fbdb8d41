# Recovery after an interrupted `pulumi up` (docs/RELIABILITY.md): turns each pending create of a
# Model whose model exists in SageMaker into a resource of the state, id = ModelName.
# Input: `pulumi stack export`. $live: the model names that exist (e.g. from
# `aws sagemaker list-models --query 'Models[].ModelName'`).
#   jq --argjson live "$LIVE" -f adopt-pending-models.jq state.json > recovered.json
($live | map(ascii_downcase)) as $names
| ((.deployment.pending_operations // [])
    | map(select(.type == "creating"
        and .resource.type == "pulumi-nodejs:dynamic/sagemaker:Model"
        and ((.resource.inputs.ModelName // "" | ascii_downcase) as $n | $names | index($n)) != null))) as $adopt
| .deployment.resources += ($adopt | map(.resource + { id: .resource.inputs.ModelName, outputs: .resource.inputs }))
| .deployment.pending_operations = ((.deployment.pending_operations // []) - $adopt)
