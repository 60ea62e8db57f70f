variable "region" {
  type = string
}

variable "name" {
  type    = string
  default = "logstash"
}

variable "logstash_image" {
  description = "A Logstash image with the pipeline built in (Fargate has no host path to mount it from)"
  type        = string
}

variable "log_profile" {
  type    = string
  default = "all"
}

variable "output_secrets" {
  description = "Environment of the Logstash container from Secrets Manager or SSM: name => ARN"
  type        = map(string)
  default     = {}
}

variable "sidecar_image" {
  description = "Status sidecar image; empty runs Logstash alone"
  type        = string
  default     = ""
}

variable "cpu" {
  description = "Task CPU units; the sidecar needs about 128 of them"
  type        = number
  default     = 2048
}

variable "memory" {
  description = "Task memory (MiB); the sidecar needs about 256"
  type        = number
  default     = 4096
}

variable "execution_role_arn" {
  type = string
}

variable "task_role_arn" {
  type    = string
  default = null
}
