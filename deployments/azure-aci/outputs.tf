output "ip_address" {
  value = azurerm_container_group.logstash.ip_address
}

output "sidecar_url" {
  value = local.sidecar ? "http://${azurerm_container_group.logstash.ip_address}:3000/" : null
}
