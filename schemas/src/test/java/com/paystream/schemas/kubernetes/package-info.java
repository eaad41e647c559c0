/**
 * The Kubernetes resources that follow from the topic catalogue (Strimzi {@code KafkaTopic}s and
 * {@code KafkaUser}s), the drift check that keeps the committed YAML in step with it, and the check
 * over a Kustomize rendering that {@code deploy/kubernetes/check.sh} runs.
 */
package com.paystream.schemas.kubernetes;
