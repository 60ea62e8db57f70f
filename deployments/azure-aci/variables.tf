variable "name" {
  type    = string
  default = "logstash"
}

variable "location" {
  type = string
}

variable "resource_group_name" {
  type = string
}

variable "dns_name_label" {
  type    = string
  default = null
}

variable "logstash_image" {
  type    = string
  default = "docker.elastic.co/logstash/logstash:9.5.2"
}

variable "logstash_cpu" {
  type    = number
  default = 1
}

variable "logstash_memory" {
  type    = number
  default = 2
}

variable "environment_variables" {
  description = "Environment of the Logstash container, LOG_PROFILE among them"
  type        = map(string)
  default     = { LOG_PROFILE = "all" }
}

variable "secure_environment_variables" {
  description = "Secrets of the Logstash container (output credentials)"
  type        = map(string)
  default     = {}
  sensitive   = true
}

variable "storage_account_name" {
  type = string
}

variable "storage_account_key" {
  type      = string
  sensitive = true
}

variable "pipeline_share_name" {
  description = "Azure File share holding the pipeline configuration"
  type        = string
}

variable "sidecar_image" {
  description = "Docker image URI for the status sidecar (e.g. your-registry.azurecr.io/status-sidecar:1.0.0)"
  type        = string
  default     = ""
}

variable "sidecar_enabled" {
  description = "Whether to deploy the status sidecar (it also needs sidecar_image)"
  type        = bool
  default     = true
}
