package dev.veritensor.rules.artifacts.model;

/** Kinds of ML artifact containers, as recognised from their bytes. */
public enum ContainerFormat {
    /** A bare pickle stream (any protocol), possibly several back to back. */
    PICKLE("pickle"),
    /** A legacy PyTorch file: magic-number pickle, header pickles, main pickle, storage data. */
    PYTORCH_LEGACY("pytorch-legacy"),
    /** The oldest PyTorch format: a tar with sys_info, pickle, storages and tensors members. */
    PYTORCH_TAR("pytorch-tar"),
    /** A PyTorch zip checkpoint ({@code <prefix>/data.pkl} and {@code <prefix>/data/<key>} storages). */
    PYTORCH_ZIP("pytorch-zip"),
    /** A joblib pickle with NumPy array data inlined after each array wrapper. */
    JOBLIB("joblib"),
    /** A pickle inside gzip, bzip2, xz, lzma, lz4 or zlib compression. */
    COMPRESSED_PICKLE("compressed-pickle"),
    /** A NumPy {@code .npy} array. */
    NUMPY("npy"),
    /** A NumPy {@code .npz} zip of arrays. */
    NUMPY_ZIP("npz"),
    /** A Keras 3 {@code .keras} zip (config.json, metadata.json, weights). */
    KERAS_ZIP("keras"),
    /** A legacy Keras HDF5 model ({@code .h5}) with its configuration as a JSON attribute. */
    KERAS_H5("keras-h5"),
    /** A safetensors file: a length, a JSON header and tensor data. */
    SAFETENSORS("safetensors"),
    /** A 7z archive holding pickles. */
    SEVEN_ZIP("7z"),
    /** Another zip archive holding pickles. */
    ZIP("zip");

    private final String id;

    ContainerFormat(String id) {
        this.id = id;
    }

    /** Short id used in messages, e.g. {@code pytorch-zip}. */
    public String id() {
        return id;
    }
}
