variable "name_prefix" {
  description = "Prefix of every resource name"
  type        = string
  default     = "avxlog"
}

variable "vpc_id" {
  description = "VPC of the Logstash instances"
  type        = string
}

variable "output_type" {
  description = "Where Logstash sends the logs: one of the folders under outputs/"
  type        = string
  validation {
    condition     = contains(["splunk-hec", "elasticsearch", "opensearch", "s3", "kafka"], var.output_type)
    error_message = "output_type must be one of splunk-hec, elasticsearch, opensearch, s3, kafka."
  }
}

variable "output_settings" {
  description = "Environment of the Logstash container for the chosen output (see the header of outputs/<type>/docker_run.tftpl for the names it needs); written to a root-only env file, never to the command line"
  type        = map(string)
  sensitive   = true
}

variable "log_profile" {
  description = "LOG_PROFILE: which log types Logstash forwards (all, security, networking)"
  type        = string
  default     = "all"
}

variable "logstash_image" {
  description = "Logstash container image"
  type        = string
  default     = "docker.elastic.co/logstash/logstash:9.5.2"
}

variable "syslog_port" {
  description = "TCP and UDP port Logstash receives syslog on"
  type        = number
  default     = 5000
}

variable "syslog_allowed_cidrs" {
  description = "CIDR blocks that may send syslog to Logstash"
  type        = list(string)
}

variable "ssh_allowed_cidrs" {
  description = "CIDR blocks that may reach SSH; empty closes port 22"
  type        = list(string)
  default     = []
}

variable "config_bucket" {
  description = "S3 bucket the instances download the pipeline configuration from"
  type        = string
}

variable "pipeline_dir" {
  description = "Local folder of Logstash pipeline files uploaded to the config bucket"
  type        = string
}

variable "sidecar_image" {
  description = "Container image of the status sidecar, e.g. ghcr.io/<owner>/status-sidecar:1.2.0; empty disables the sidecar"
  type        = string
  default     = ""
}

variable "sidecar_port" {
  description = "Port of the status sidecar (dashboard, /api/health, /q/metrics)"
  type        = number
  default     = 3000
}

variable "sidecar_allowed_cidrs" {
  description = "CIDR blocks that may reach the sidecar's port (operators' subnet, the NLB's subnets, Prometheus); the default opens it to nobody"
  type        = list(string)
  default     = []
  validation {
    condition     = !contains(var.sidecar_allowed_cidrs, "0.0.0.0/0")
    error_message = "The sidecar serves logs and support bundles: do not open its port to 0.0.0.0/0; list the operators' and load balancer's CIDRs."
  }
}
