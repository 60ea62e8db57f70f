# Logstash and its status sidecar in one ECS task (Fargate, awsvpc: the containers share localhost).
# Logstash's API stays inside the task (no port mapping for 9600); the sidecar reads it on localhost
# and reads the log file from the task's shared volume.

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

locals {
  sidecar = var.sidecar_image != ""
  log     = { logDriver = "awslogs", options = { awslogs-group = aws_cloudwatch_log_group.task.name, awslogs-region = var.region } }

  logstash = {
    name      = "logstash"
    image     = var.logstash_image
    essential = true
    # File logging on the task volume. It is mounted on the image's own logs directory: ECS gives a
    # new volume the ownership of the path it is mounted on in the image (Logstash, uid 1000).
    command = ["logstash", "-f", "/usr/share/logstash/pipeline/", "--path.logs", "/usr/share/logstash/logs"]
    environment = [
      { name = "LOG_PROFILE", value = var.log_profile },
      { name = "XPACK_MONITORING_ENABLED", value = "false" },
      # The image logs to the console only unless LOG_STYLE=file (8.8+): then to logstash-plain.log in --path.logs.
      { name = "LOG_STYLE", value = "file" },
      # The API for the task only: the sidecar reads it on localhost, nothing else can.
      { name = "API_HTTP_HOST", value = "127.0.0.1" },
    ]
    secrets          = [for name, arn in var.output_secrets : { name = name, valueFrom = arn }]
    portMappings     = [{ containerPort = 5000, protocol = "tcp" }, { containerPort = 5000, protocol = "udp" }]
    mountPoints      = [{ sourceVolume = "logstash-logs", containerPath = "/usr/share/logstash/logs" }]
    logConfiguration = merge(local.log, { options = merge(local.log.options, { awslogs-stream-prefix = "logstash" }) })
  }

  sidecar_container = {
    name                   = "status-sidecar"
    image                  = var.sidecar_image
    essential              = false
    readonlyRootFilesystem = true
    user                   = "1001"
    environment = [
      { name = "LOGSTASH_API_URL", value = "http://localhost:9600" },
      { name = "LOGSTASH_LOG_PATH", value = "/var/log/logstash/logstash-plain.log" },
      { name = "LOG_PROFILE", value = var.log_profile },
      { name = "PORT", value = "3000" },
    ]
    portMappings = [{ containerPort = 3000, protocol = "tcp" }]
    mountPoints  = [{ sourceVolume = "logstash-logs", containerPath = "/var/log/logstash", readOnly = true }]
    # Liveness only: ECS restarts a container whose check fails, and a Logstash outage must not
    # restart the sidecar. A load balancer's target group checks /api/health instead.
    healthCheck = {
      command     = ["CMD", "/work/application", "healthcheck"]
      interval    = 15
      timeout     = 3
      retries     = 3
      startPeriod = 10
    }
    dependsOn        = [{ containerName = "logstash", condition = "START" }]
    logConfiguration = merge(local.log, { options = merge(local.log.options, { awslogs-stream-prefix = "status-sidecar" }) })
  }
}

resource "aws_cloudwatch_log_group" "task" {
  name              = "/ecs/${var.name}"
  retention_in_days = 14
}

resource "aws_ecs_task_definition" "logstash" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = var.execution_role_arn
  task_role_arn            = var.task_role_arn

  container_definitions = jsonencode(local.sidecar ? [local.logstash, local.sidecar_container] : [local.logstash])

  # Task storage shared by both containers: Logstash writes, the sidecar reads.
  volume {
    name = "logstash-logs"
  }
}
