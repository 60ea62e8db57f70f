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

variable "subnet_ids" {
  type = list(string)
}

variable "instance_type" {
  type    = string
  default = "t3.medium"
}

variable "key_name" {
  type    = string
  default = null
}

variable "min_size" {
  type    = number
  default = 2
}

variable "max_size" {
  type    = number
  default = 4
}

variable "desired_capacity" {
  type    = number
  default = 2
}

variable "health_check_grace_period" {
  description = "Seconds a new instance has to pull images, start Logstash and pass /api/health"
  type        = number
  default     = 300
}

variable "internal_nlb" {
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
  description = "Status sidecar image; empty disables it (and the health check falls back to EC2's)"
  type        = string
  default     = ""
}

variable "sidecar_allowed_cidrs" {
  description = "Who besides the NLB may reach port 3000 (operators, Prometheus); nobody by default"
  type        = list(string)
  default     = []
}

variable "sidecar_listener" {
  description = "Also expose port 3000 on the NLB, for the dashboard"
  type        = bool
  default     = false
}
