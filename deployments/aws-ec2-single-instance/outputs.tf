output "public_ip" {
  value = aws_instance.logstash.public_ip
}

output "sidecar_url" {
  description = "The dashboard; /api/health answers 200 healthy or degraded, 503 unhealthy"
  value       = module.logstash.sidecar_enabled ? "http://${aws_instance.logstash.public_ip}:3000/" : null
}
