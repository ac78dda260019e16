#!/bin/bash
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx512m -Xms512m}" exec "$(dirname "$0")/kafka-run-class.sh" kafka.Kafka "$@"
