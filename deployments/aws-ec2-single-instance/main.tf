# One Logstash instance on EC2 with its status sidecar (set sidecar_image; empty runs Logstash alone).
#   curl -s http://<public_ip>:3000/api/health     (from a CIDR in sidecar_allowed_cidrs)

terraform {
  required_version = ">= 1.5.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

module "logstash" {
  source = "../modules/aws-logstash"

  name_prefix           = var.name_prefix
  vpc_id                = var.vpc_id
  output_type           = var.output_type
  output_settings       = var.output_settings
  log_profile           = var.log_profile
  logstash_image        = var.logstash_image
  syslog_allowed_cidrs  = var.syslog_allowed_cidrs
  ssh_allowed_cidrs     = var.ssh_allowed_cidrs
  config_bucket         = var.config_bucket
  pipeline_dir          = var.pipeline_dir
  sidecar_image         = var.sidecar_image
  sidecar_allowed_cidrs = var.sidecar_allowed_cidrs
}

# Replaced whenever the pipeline files or the sidecar image change; the instance follows it.
resource "terraform_data" "rollout" {
  input = module.logstash.rollout_key
}

resource "aws_instance" "logstash" {
  ami                         = module.logstash.ami_id
  instance_type               = var.instance_type
  subnet_id                   = var.subnet_id
  key_name                    = var.key_name
  vpc_security_group_ids      = [module.logstash.security_group_id]
  iam_instance_profile        = module.logstash.instance_profile_name
  associate_public_ip_address = var.public_ip
  user_data                   = module.logstash.user_data
  user_data_replace_on_change = true

  metadata_options {
    http_tokens = "required"
  }

  tags = {
    Name = module.logstash.name
    Role = "logstash"
  }

  lifecycle {
    replace_triggered_by = [terraform_data.rollout]
  }
}
