#!/bin/sh
# Creates every topic of the platform's list on the broker (once; existing topics are left as they are).
#   create-topics.sh <bootstrap servers> <topics.txt>      partitions: KAFKA_TOPIC_PARTITIONS (default 3)
set -eu
bootstrap="$1"
list="$2"
partitions="${KAFKA_TOPIC_PARTITIONS:-3}"
grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$list" | while read -r topic; do
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --create --if-not-exists \
    --topic "$topic" --partitions "$partitions" --replication-factor 1
done
echo "topics on $bootstrap:"
/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --list
