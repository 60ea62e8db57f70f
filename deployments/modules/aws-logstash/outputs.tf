output "random_suffix" {
  description = "Suffix shared by this deployment's resource names"
  value       = random_id.suffix.hex
}

output "name" {
  value = local.name
}

output "security_group_id" {
  value = aws_security_group.default.id
}

output "instance_profile_name" {
  value = aws_iam_instance_profile.logstash.name
}

output "ami_id" {
  description = "Amazon Linux 2023, latest"
  value       = nonsensitive(data.aws_ssm_parameter.al2023.value)
}

output "user_data" {
  description = "The instance's cloud-init script: Docker, the configuration, both containers"
  value       = local.user_data
  sensitive   = true
}

output "rollout_key" {
  description = "Changes whenever an instance must be replaced: the pipeline files or the sidecar image (feed it to a terraform_data that the instance's replace_triggered_by names)"
  value = sha256(jsonencode({
    pipeline      = { for f in local.pipeline_files : f => aws_s3_object.pipeline[f].etag }
    sidecar_image = var.sidecar_image
    logstash      = var.logstash_image
  }))
}

output "sidecar_enabled" {
  value = local.sidecar_enabled
}
