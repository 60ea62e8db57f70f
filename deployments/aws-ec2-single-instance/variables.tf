variable "region" {
  type = string
}

variable "name_prefix" {
  type    = string
  default = "avxlog"
}

variable "vpc_id" {
  type = string
}

variable "subnet_id" {
  type = string
}

variable "instance_type" {
  description = "t3.small or larger leaves room for the sidecar (about 0.1 vCPU and 120 MB as a JVM, less native)"
  type        = string
  default     = "t3.medium"
}

variable "key_name" {
  type    = string
  default = null
}

variable "public_ip" {
  type    = bool
  default = true
}

variable "output_type" {
  type = string
}

variable "output_settings" {
  type      = map(string)
  sensitive = true
}

variable "log_profile" {
  type    = string
  default = "all"
}

variable "logstash_image" {
  type    = string
  default = "docker.elastic.co/logstash/logstash:9.5.2"
}

variable "syslog_allowed_cidrs" {
  type = list(string)
}

variable "ssh_allowed_cidrs" {
  type    = list(string)
  default = []
}

variable "config_bucket" {
  type = string
}

variable "pipeline_dir" {
  type = string
}

variable "sidecar_image" {
  description = "Status sidecar image; empty disables it"
  type        = string
  default     = ""
}

variable "sidecar_allowed_cidrs" {
  description = "Who may open the dashboard and API on port 3000; nobody by default"
  type        = list(string)
  default     = []
}
