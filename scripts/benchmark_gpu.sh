#!/usr/bin/env bash
# The GPU benchmark of nbs/14_performance.ipynb as one command, for a GPU machine that cannot download anything.
#
#   scripts/benchmark_gpu.sh wheels             here, with pip's registries: the packages the GPU image lacks or holds
#                                               in other versions, as tested here, into .whl/ (ignored by git)
#   scripts/benchmark_gpu.sh opt OUT [MODEL [SECTION.KEY=VALUE ...]]
#                                               there: BLIP-2 OPT-2.7B's architecture (random weights), ours against
#                                               the original pipeline and the plain one -> OUT/benchmark_gpu.json
#   scripts/benchmark_gpu.sh t5 OUT [MODEL [SECTION.KEY=VALUE ...]]
#                                               there: BLIP-2 Flan-T5-XL's architecture, ours alone
#                                               -> OUT/benchmark_gpu_t5.json
#   scripts/benchmark_gpu.sh arch OUT NAME [SECTION.KEY=VALUE ...]
#                                               there: the architecture of real preset NAME (opt-6.7b, flan-t5-xxl,
#                                               instructblip-flan-t5-xl, instructblip-vicuna-7b, ...), ours alone,
#                                               in bf16 and 4-bit -> OUT/benchmark_gpu_NAME.json
#   scripts/benchmark_gpu.sh processes OUT [MODEL]
#                                               there: captioning images/s of a launch of 1, 2, 4, 8 processes (as
#                                               many as there are GPUs; 1 and 2 on a CPU), one GPU each, BLIP-2
#                                               OPT-2.7B's architecture by default -> OUT/benchmark_gpu_processes.json
#
# The JSON is rewritten after each phase (pipelines, bf16 sweep, 4-bit sweep, profile, Trainer, speed variants), and
# no phase starts after TIME_LIMIT seconds (default 400), so a call stopped at its limit still returns what it measured.
# MODEL (NAME for arch) is an offline preset ('tiny', 'tiny-t5', 'tiny-instructblip', ...) to try the script on a
# CPU ('-' for the default). Settings after it change ours (e.g.
# train.pack_captions=true) and name the files (benchmark_gpu_train.pack_captions-true.json); the log is beside.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
wheels)
  pins=$(python3 -c "import importlib.metadata as m
print(' '.join(f'{p}=={m.version(p)}' for p in ('transformers', 'peft', 'bitsandbytes', 'regex')))")
  mkdir -p .whl && rm -f .whl/*.whl
  python3 -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
    --platform manylinux_2_28_x86_64 --platform manylinux_2_24_x86_64 --platform manylinux_2_17_x86_64 \
    --platform manylinux2014_x86_64 -d .whl $pins
  grep -qsx '/.whl/' .git/info/exclude || { mkdir -p .git/info && echo '/.whl/' >> .git/info/exclude; }
  du -ch .whl/*.whl ;;
opt|t5|arch|processes)
  out=${2:?usage: scripts/benchmark_gpu.sh $1 OUT [MODEL [SECTION.KEY=VALUE ...]]}
  mkdir -p "$out"
  if compgen -G '.whl/*.whl' > /dev/null; then
    python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl
    export PYTHONPATH=/tmp/site${PYTHONPATH:+:$PYTHONPATH}
  fi
  export PYTHONPATH=$PWD${PYTHONPATH:+:$PYTHONPATH} PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
  python3 -c "import torch, transformers, peft, bitsandbytes, blip2_lora.performance
print('torch', torch.__version__, '| transformers', transformers.__version__, '| peft', peft.__version__,
      '| bitsandbytes', bitsandbytes.__version__, '|', torch.cuda.get_device_name() if torch.cuda.is_available() else 'no GPU')"
  if [ "$1" = processes ]; then
    model=${3:-opt-2.7b-random}
    gpus=$(python3 -c "import torch; print(torch.cuda.device_count() or 2)")
    for n in 1 2 4 8; do
      [ "$n" -le "$gpus" ] || break
      python3 -m torch.distributed.run --nproc-per-node "$n" -m blip2_lora.scaling --model "$model" --images 512 \
        --batch-size 32 --workdir /tmp/blip2-lora-scaling --output "$out/benchmark_gpu_processes.json" \
        2>&1 | tee -a "$out/benchmark_gpu_processes.log"
    done
    exit 0
  fi
  limit=${TIME_LIMIT:-400} kind=$1 model=${3:--}
  shift $(( $# < 3 ? $# : 3 ))
  if [ "$kind" = opt ]; then
    [ "$model" = - ] && model=opt-2.7b-random
    name=benchmark_gpu args=(--model "$model" --rounds 2 --original-caption-images 8)
  elif [ "$kind" = t5 ]; then
    [ "$model" = - ] && model=flan-t5-xl-random
    name=benchmark_gpu_t5 args=(--model "$model")
  else
    [ "$model" = - ] && { echo "error: scripts/benchmark_gpu.sh arch OUT NAME: name a real preset, e.g. opt-6.7b"; exit 2; }
    name=benchmark_gpu_$model args=(--alone --model "$([[ $model = tiny* ]] && echo "$model" || echo "$model-random")")
  fi
  if [ $# -gt 0 ]; then
    args+=(--set "$@")
    name+=$(printf '_%s' "$@" | tr '=' '-' | tr -c 'A-Za-z0-9._\n-' '_')
  fi
  python3 -m blip2_lora.performance "${args[@]}" --batch-size 8 --new-tokens 30 --steps 20 --caption-images 64 \
    --sweep 8 16 32 64 128 --sweep-4bit --profile --trainer --variants --time-limit "$limit" --output "$out/$name.json" \
    2>&1 | tee "$out/$name.log" ;;
*)
  sed -n '2,25p' "$0"; exit 2 ;;
esac
