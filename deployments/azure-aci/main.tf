# Logstash and its status sidecar in one Azure container group: the containers share localhost, so
# the sidecar reaches Logstash's API on http://localhost:9600 with no port of it exposed, and both
# mount the same empty_dir volume for the log file.

terraform {
  required_version = ">= 1.5.0"
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = ">= 3.80"
    }
  }
}

provider "azurerm" {
  features {}
}

locals {
  sidecar = var.sidecar_enabled && var.sidecar_image != ""
}

resource "azurerm_container_group" "logstash" {
  name                = var.name
  location            = var.location
  resource_group_name = var.resource_group_name
  os_type             = "Linux"
  ip_address_type     = "Public"
  dns_name_label      = var.dns_name_label

  exposed_port {
    port     = 5000
    protocol = "TCP"
  }

  exposed_port {
    port     = 5000
    protocol = "UDP"
  }

  dynamic "exposed_port" {
    for_each = local.sidecar ? [3000] : []
    content {
      port     = exposed_port.value
      protocol = "TCP"
    }
  }

  container {
    name   = "logstash"
    image  = var.logstash_image
    cpu    = var.logstash_cpu
    memory = var.logstash_memory
    # ACI's commands replace the image's entrypoint, which is what turns API_HTTP_HOST into logstash.yml
    # and LOG_STYLE=file into a log file: the entrypoint is named first so that both still happen.
    commands = ["/usr/local/bin/docker-entrypoint", "-f", "/usr/share/logstash/pipeline/", "--path.logs", "/var/log/logstash"]

    # API_HTTP_HOST: the API for the group only (the sidecar reads it on localhost). LOG_STYLE=file: the
    # image logs to the console only without it (8.8+), and the sidecar reads logstash-plain.log.
    environment_variables        = merge(var.environment_variables, { XPACK_MONITORING_ENABLED = "false", API_HTTP_HOST = "127.0.0.1", LOG_STYLE = "file" })
    secure_environment_variables = var.secure_environment_variables

    ports {
      port     = 5000
      protocol = "TCP"
    }

    ports {
      port     = 5000
      protocol = "UDP"
    }

    volume {
      name                 = "pipeline"
      mount_path           = "/usr/share/logstash/pipeline"
      read_only            = true
      share_name           = var.pipeline_share_name
      storage_account_name = var.storage_account_name
      storage_account_key  = var.storage_account_key
    }

    volume {
      name       = "logstash-logs"
      mount_path = "/var/log/logstash"
      empty_dir  = true
    }
  }

  dynamic "container" {
    for_each = local.sidecar ? [1] : []
    content {
      name   = "status-sidecar"
      image  = var.sidecar_image
      cpu    = 0.5
      memory = 0.5

      ports {
        port     = 3000
        protocol = "TCP"
      }

      environment_variables = {
        LOGSTASH_API_URL  = "http://localhost:9600"
        LOGSTASH_LOG_PATH = "/var/log/logstash/logstash-plain.log"
        LOG_PROFILE       = lookup(var.environment_variables, "LOG_PROFILE", "all")
        PORT              = "3000"
      }

      volume {
        name       = "logstash-logs"
        mount_path = "/var/log/logstash"
        empty_dir  = true
        read_only  = true
      }

      # Liveness is the sidecar's own: ACI restarts a container that fails it, and a Logstash outage
      # must not restart the sidecar. Readiness follows Logstash's health.
      liveness_probe {
        http_get {
          path   = "/q/health/live"
          port   = 3000
          scheme = "Http"
        }
        initial_delay_seconds = 10
        period_seconds        = 15
        failure_threshold     = 3
        timeout_seconds       = 3
      }

      readiness_probe {
        http_get {
          path   = "/q/health/ready"
          port   = 3000
          scheme = "Http"
        }
        initial_delay_seconds = 10
        period_seconds        = 15
        failure_threshold     = 3
        timeout_seconds       = 3
      }
    }
  }
}
