#!/bin/bash
# Runs one of Kafka's main classes with the jars of /opt/kafka/libs, as the tarball's script of the same name.
exec java ${KAFKA_HEAP_OPTS:-} ${KAFKA_OPTS:-} "-Dlog4j2.configurationFile=${KAFKA_LOG4J_CONFIG:-/opt/kafka/config/log4j2.yaml}" \
  -cp '/opt/kafka/libs/*' "$@"
