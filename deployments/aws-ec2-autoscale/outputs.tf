output "nlb_dns_name" {
  value = aws_lb.nlb.dns_name
}

output "sidecar_url" {
  description = "The dashboard of one instance behind the NLB, when the listener is on"
  value       = length(aws_lb_listener.sidecar) > 0 ? "http://${aws_lb.nlb.dns_name}:3000/" : null
}
