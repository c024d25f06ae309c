#!/bin/sh
# A `claude`-shaped engine that answers at once, for bench/throughput: the engine's own time
# (a shell and three printf) should not be what the bench measures. Prints what Ferry's claude
# runner needs: the init event with a session id, one assistant text, the result.
sid=""
while [ $# -gt 0 ]; do
  case "$1" in
    --resume|-r) sid="$2"; shift 2 ;;
    *) shift ;;
  esac
done
[ -n "$sid" ] || sid=$(cat /proc/sys/kernel/random/uuid)
cat > /dev/null
printf '{"type":"system","subtype":"init","cwd":"/","session_id":"%s","tools":[],"mcp_servers":[],"model":"fast","permissionMode":"default","apiKeySource":"none"}\n' "$sid"
printf '{"type":"assistant","message":{"id":"msg_fast","type":"message","role":"assistant","model":"fast","content":[{"type":"text","text":"ok"}]},"parent_tool_use_id":null,"session_id":"%s"}\n' "$sid"
printf '{"type":"result","subtype":"success","is_error":false,"duration_ms":1,"duration_api_ms":0,"num_turns":1,"result":"ok","stop_reason":"end_turn","session_id":"%s","total_cost_usd":0,"usage":{"input_tokens":1,"output_tokens":1}}\n' "$sid"
