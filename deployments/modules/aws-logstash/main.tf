# Logstash on EC2 with its status sidecar beside it (the seed document's "AWS EC2"): the security group,
# the pipeline configuration in S3, the instance role, and the instance user data that runs both
# containers. Used by aws-ec2-single-instance and aws-ec2-autoscale.

resource "random_id" "suffix" {
  byte_length = 3
}

locals {
  name            = "${var.name_prefix}-${random_id.suffix.hex}"
  sidecar_enabled = var.sidecar_image != ""

  pipeline_files = fileset(var.pipeline_dir, "**")

  # The sidecar's docker run, one block shared by every output's template (empty when disabled).
  sidecar_run = local.sidecar_enabled ? templatefile("${path.module}/sidecar_run.tftpl", {
    sidecar_image = var.sidecar_image
    sidecar_port  = var.sidecar_port
    log_profile   = var.log_profile
  }) : ""

  docker_run = templatefile("${path.module}/outputs/${var.output_type}/docker_run.tftpl", {
    logstash_image = var.logstash_image
    log_profile    = var.log_profile
    syslog_port    = var.syslog_port
    sidecar_run    = local.sidecar_run
  })

  env_file = join("\n", concat([for k, v in var.output_settings : "${k}=${v}"], ["LOG_PROFILE=${var.log_profile}", ""]))

  user_data = templatefile("${path.module}/logstash_instance_init.tftpl", {
    config_bucket = var.config_bucket
    config_prefix = local.name
    env_file_b64  = base64encode(local.env_file)
    docker_run    = local.docker_run
  })
}

resource "aws_security_group" "default" {
  name        = local.name
  description = "Logstash syslog, and its status sidecar for the listed CIDRs only"
  vpc_id      = var.vpc_id

  ingress {
    description = "syslog TCP"
    from_port   = var.syslog_port
    to_port     = var.syslog_port
    protocol    = "tcp"
    cidr_blocks = var.syslog_allowed_cidrs
  }

  ingress {
    description = "syslog UDP"
    from_port   = var.syslog_port
    to_port     = var.syslog_port
    protocol    = "udp"
    cidr_blocks = var.syslog_allowed_cidrs
  }

  dynamic "ingress" {
    for_each = length(var.ssh_allowed_cidrs) > 0 ? [1] : []
    content {
      description = "SSH"
      from_port   = 22
      to_port     = 22
      protocol    = "tcp"
      cidr_blocks = var.ssh_allowed_cidrs
    }
  }

  # The sidecar's dashboard, API and metrics; Logstash's own API (9600) is bound to the instance's
  # loopback and never opened.
  dynamic "ingress" {
    for_each = local.sidecar_enabled && length(var.sidecar_allowed_cidrs) > 0 ? [1] : []
    content {
      description = "status sidecar"
      from_port   = var.sidecar_port
      to_port     = var.sidecar_port
      protocol    = "tcp"
      cidr_blocks = var.sidecar_allowed_cidrs
    }
  }

  egress {
    description = "outputs, S3, image registries"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_s3_object" "pipeline" {
  for_each = local.pipeline_files
  bucket   = var.config_bucket
  key      = "${local.name}/pipeline/${each.value}"
  source   = "${var.pipeline_dir}/${each.value}"
  etag     = filemd5("${var.pipeline_dir}/${each.value}")
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "config" {
  statement {
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = ["arn:aws:s3:::${var.config_bucket}", "arn:aws:s3:::${var.config_bucket}/${local.name}/*"]
  }
}

resource "aws_iam_role" "logstash" {
  name               = local.name
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role_policy" "config" {
  name   = "${local.name}-config"
  role   = aws_iam_role.logstash.id
  policy = data.aws_iam_policy_document.config.json
}

resource "aws_iam_instance_profile" "logstash" {
  name = local.name
  role = aws_iam_role.logstash.name
}

data "aws_ssm_parameter" "al2023" {
  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
}
