#!/bin/bash
# loa-mongo-ping [PORT]: healthy when the server answers the MongoDB command {ping: 1} with ok: 1 — an OP_MSG over
# bash's /dev/tcp (no mongosh in this image). 51 bytes: header (length 51, request id 1, response to 0, opcode 2013),
# flags 0, section kind 0, BSON {ping: int32 1, $db: "admin"}.
port=${1:-27017}
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf '\x33\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\xdd\x07\x00\x00''\x00\x00\x00\x00\x00''\x1e\x00\x00\x00\x10ping\x00\x01\x00\x00\x00\x02$db\x00\x06\x00\x00\x00admin\x00\x00' >&3
# the answer: its length (first 4 bytes, little-endian), then the rest, whose document must hold "ok": 1.0
# (type 0x01, "ok\0", little-endian double 1.0)
read -r b0 b1 b2 b3 < <(timeout 4 head -c 4 <&3 | od -An -v -tu1)
length=$(( ${b0:-0} + (${b1:-0} << 8) + (${b2:-0} << 16) + (${b3:-0} << 24) ))
(( length > 16 && length < 4096 )) || exit 1
reply=$(timeout 4 head -c $((length - 4)) <&3 | od -An -v -tx1 | tr -d ' \n')
exec 3<&-
[[ $reply == *016f6b00000000000000f03f* ]]
