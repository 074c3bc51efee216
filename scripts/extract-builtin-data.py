#!/usr/bin/env python3
"""Extracts the built-in data set of `simdmlp --data builtin` from Debian's Fashion-MNIST.

Takes the first 500 training images of each class and the first 100 test images of each class (in file order), so
both sets are balanced and the choice needs no random numbers, and writes them as gzip IDX files into Cli/Data/.
The gzip header carries no name or time, so running it again on the same input gives byte-identical files.

Usage: python3 scripts/extract-builtin-data.py [/usr/share/datasets/fashion-mnist]
(`apt-get install dataset-fashion-mnist` provides the input.) Fashion-MNIST is (c) Zalando SE, MIT licence.
"""
import gzip
import os
import struct
import sys

TRAIN_PER_CLASS = 500
TEST_PER_CLASS = 100


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic = struct.unpack(">I", data[:4])[0]
    dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return shape, data[4 + 4 * dims:]


def write_idx(path, magic, shape, payload):
    header = struct.pack(">I", magic) + struct.pack(">" + "I" * len(shape), *shape)
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as f:
        f.write(header + payload)


def subset(source, stem, target_stem, per_class, out_dir):
    shape, pixels = read_idx(os.path.join(source, f"{stem}-images-idx3-ubyte.gz"))
    _, labels = read_idx(os.path.join(source, f"{stem}-labels-idx1-ubyte.gz"))
    count, rows, columns = shape
    size = rows * columns
    taken = {c: 0 for c in range(10)}
    chosen = []
    for i in range(count):
        c = labels[i]
        if taken[c] < per_class:
            taken[c] += 1
            chosen.append(i)
    images = b"".join(pixels[i * size:(i + 1) * size] for i in chosen)
    write_idx(os.path.join(out_dir, f"{target_stem}-images-idx3-ubyte.gz"), 0x803, (len(chosen), rows, columns), images)
    write_idx(os.path.join(out_dir, f"{target_stem}-labels-idx1-ubyte.gz"), 0x801, (len(chosen),),
              bytes(labels[i] for i in chosen))
    print(f"{target_stem}: {len(chosen)} images of {rows}x{columns}")


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
    out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Cli", "Data")
    subset(source, "train", "train", TRAIN_PER_CLASS, out_dir)
    subset(source, "t10k", "t10k", TEST_PER_CLASS, out_dir)


if __name__ == "__main__":
    main()
