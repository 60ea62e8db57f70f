# Logstash instances in an autoscaling group behind an NLB, each with its status sidecar. With the
# sidecar on, the NLB checks every instance with HTTP GET /api/health on port 3000 and the group uses
# that check: a 503 (unhealthy: Logstash unreachable, stalled, no pipelines...) replaces the instance.

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

data "aws_vpc" "this" {
  id = var.vpc_id
}

module "logstash" {
  source = "../modules/aws-logstash"

  name_prefix          = var.name_prefix
  vpc_id               = var.vpc_id
  output_type          = var.output_type
  output_settings      = var.output_settings
  log_profile          = var.log_profile
  logstash_image       = var.logstash_image
  syslog_allowed_cidrs = var.syslog_allowed_cidrs
  ssh_allowed_cidrs    = var.ssh_allowed_cidrs
  config_bucket        = var.config_bucket
  pipeline_dir         = var.pipeline_dir
  sidecar_image        = var.sidecar_image
  # The NLB's health checks come from its addresses in the VPC.
  sidecar_allowed_cidrs = distinct(concat(var.sidecar_allowed_cidrs, [data.aws_vpc.this.cidr_block]))
}

locals {
  sidecar = module.logstash.sidecar_enabled
}

resource "aws_launch_template" "logstash" {
  name_prefix            = "${module.logstash.name}-"
  image_id               = module.logstash.ami_id
  instance_type          = var.instance_type
  key_name               = var.key_name
  vpc_security_group_ids = [module.logstash.security_group_id]
  user_data              = base64encode(module.logstash.user_data)

  iam_instance_profile {
    name = module.logstash.instance_profile_name
  }

  metadata_options {
    http_tokens = "required"
  }

  tag_specifications {
    resource_type = "instance"
    tags = {
      Name = module.logstash.name
      Role = "logstash"
      # A new pipeline file or sidecar image makes a new launch template version, which the group's
      # instance refresh rolls out one instance at a time (never all of them at once).
      Rollout = substr(module.logstash.rollout_key, 0, 16)
    }
  }
}

resource "aws_autoscaling_group" "logstash" {
  name_prefix         = "${module.logstash.name}-"
  min_size            = var.min_size
  max_size            = var.max_size
  desired_capacity    = var.desired_capacity
  vpc_zone_identifier = var.subnet_ids
  target_group_arns   = concat([aws_lb_target_group.syslog.arn], aws_lb_target_group.sidecar[*].arn)
  # ELB: the group replaces an instance the sidecar's target group reports unhealthy (503).
  health_check_type         = local.sidecar ? "ELB" : "EC2"
  health_check_grace_period = var.health_check_grace_period

  launch_template {
    id      = aws_launch_template.logstash.id
    version = aws_launch_template.logstash.latest_version
  }

  instance_refresh {
    strategy = "Rolling"
    preferences {
      min_healthy_percentage = 50
    }
  }
}

resource "aws_lb" "nlb" {
  name               = "${var.name_prefix}-${module.logstash.random_suffix}"
  load_balancer_type = "network"
  internal           = var.internal_nlb
  subnets            = var.subnet_ids
}

resource "aws_lb_target_group" "syslog" {
  name     = "${var.name_prefix}-syslog-${module.logstash.random_suffix}"
  port     = 5000
  protocol = "TCP_UDP"
  vpc_id   = var.vpc_id

  health_check {
    protocol = "TCP"
    port     = "5000"
  }
}

resource "aws_lb_listener" "syslog" {
  load_balancer_arn = aws_lb.nlb.arn
  port              = 5000
  protocol          = "TCP_UDP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.syslog.arn
  }
}

# The sidecar's target group: the application-level health of each instance.
resource "aws_lb_target_group" "sidecar" {
  count    = local.sidecar ? 1 : 0
  name     = "${var.name_prefix}-sidecar-${module.logstash.random_suffix}"
  port     = 3000
  protocol = "TCP"
  vpc_id   = var.vpc_id

  health_check {
    protocol            = "HTTP"
    path                = "/api/health"
    port                = "3000"
    matcher             = "200"
    interval            = 10
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

# Optional: the dashboard through the NLB (one random instance's sidecar per connection).
resource "aws_lb_listener" "sidecar" {
  count             = local.sidecar && var.sidecar_listener ? 1 : 0
  load_balancer_arn = aws_lb.nlb.arn
  port              = 3000
  protocol          = "TCP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.sidecar[0].arn
  }
}
