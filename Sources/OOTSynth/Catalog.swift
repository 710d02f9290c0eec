/// The vocabulary synthetic data is drawn from.
///
/// Device names, PR titles and authors, PyTorch test modules, operators and dtypes, failure
/// messages, skip reasons and captured output. Plain constants; which entries are used is
/// decided by ``SplitMix64`` draws.
enum Catalog {
    /// Device names for backend repositories (`org-N/torch-<device>`); reused with a numeric
    /// suffix (`npu2`) past the end of the list.
    static let devices = [
        "npu", "xpu", "mlu", "gcu", "dcu", "musa", "hpu", "rvv", "sdaa", "vacc", "aiu", "ipu", "tpu", "ppu",
        "kunlun", "maca", "biren", "corex", "dlc", "neuron", "vpu", "gaudi", "ascend", "mtgpu", "lpu",
    ]

    /// GitHub logins used as PR authors.
    static let authors = [
        "eellison", "albanD", "anijain2305", "wanchaol", "malfet", "atalman", "jathu", "ezyang", "bdhirsh",
        "zou3519", "jansel", "Chillee", "soulitzer", "peterbell10", "lezcano", "pianpwk", "williamwen42",
        "yf225", "H-Huang", "kwen2501", "fegin", "awgu", "wconstab", "janeyx99", "mikaylagawarecki", "drisspg",
        "jbschlosser", "cpuhrsch", "desertfire", "chenyang78", "int3", "shunting314", "masnesral", "oulgen",
        "aorenste", "guilhermeleobas", "XuehaiPan", "cyyever", "Skylion007", "justinchuby", "titaiwangms",
        "huydhn", "ZainRizvi", "clee2000", "izaitsevfb", "seemethere", "KarhouTam", "subinz1", "fffrog",
        "jgong5", "leslie-fang-intel", "EikanWang", "guangyey", "FFFrog", "shink", "hipudding", "zeshengzong",
        "Flamefire", "nWEIdia", "eqy",
    ]

    /// Area tags that open a PR title (`[inductor] …`); an empty string means no tag.
    static let areas = [
        "inductor", "dynamo", "export", "AOTI", "c10d", "FSDP2", "DTensor", "MPS", "ROCm", "quant", "fx", "nn",
        "optim", "autograd", "sparse", "BE", "CI", "docs", "PrivateUse1", "accelerator", "cuda", "cpp_extension",
        "", "", "", "",
    ]

    /// PR title bodies (verb phrase and object).
    static let titleBodies = [
        "Fuse pointwise ops across reductions", "Add torch.accelerator.memory_stats for PrivateUse1",
        "Support dict views in guards", "Speed up redistribute for Shard(0)",
        "Fix strided copy for non-contiguous complex tensors", "Bump sleef to 3.8 and rebuild vectorized kernels",
        "Document OOT backend onboarding levels", "Handle empty tensors in index_put_", "Remove dead code in lowering",
        "Enable cudagraph trees for training", "Skip flaky test_conv2d_backward on slow runners",
        "Fix dtype promotion in torch.where", "Add meta kernel for aten::_fused_adam_", "Refactor device guard impl",
        "Use c10::irange in remaining loops", "Fix memory leak in autograd graph task",
        "Support symbolic shapes in unfold", "Register PrivateUse1 hooks for the generator",
        "Preserve strides in clone for channels_last", "Add deterministic mode for index_add",
        "Make torch.compile respect set_default_device", "Fix FSDP2 state dict with tied weights",
        "Speed up collate for nested tensors", "Guard on tensor subclass metadata",
        "Fix off-by-one in the NCCL watchdog timeout", "Add fallback for unsupported scatter_reduce modes",
        "Avoid recompiles for dynamic batch sizes", "Lower aten.cumsum via scan", "Fix overflow in int64 floor_divide",
        "Port masked_fill to structured kernels", "Add BF16 support for layer_norm backward",
        "Fix race in the caching allocator's free list", "Drop Python 3.9 from the test matrix",
        "Propagate requires_grad through custom ops", "Fix serialization of sparse CSR tensors",
        "Don't specialize on zero-size dims", "Add autotuning cache for matmul templates",
        "Relax tolerance of test_addmm for TF32", "Support out= variants in decompositions",
        "Fix unbacked symint handling in split_with_sizes",
    ]

    /// Titles that exercise escaping: quotes, backslashes, a tab, non-ASCII and an emoji.
    static let trickyTitles = [
        "Fix `torch.where` for \"nan\" inputs", "Handle Windows paths like C:\\Users\\ci in cpp_extension",
        "Support Unicode identifiers (ñ, ü, 中文) in FX codegen", "Revert \"[inductor] Fuse pointwise ops\"",
        "[docs] Clarify <Tensor> & \"view\" semantics", "Tab\tseparated log parsing in the flaky bot",
        "🚀 Speed up import torch by 30%",
    ]

    /// Labels a PR may carry in the webhook payload.
    static let labels = [
        "ciflow/trunk", "ciflow/inductor", "topic: not user facing", "release notes: inductor", "module: dynamo",
        "module: distributed", "open source", "Merged", "ciflow/periodic", "module: PrivateUse1", "keep-going",
    ]

    /// Test modules run by the `default` configuration (paths under `test/`, without `.py`).
    static let defaultModules = [
        "test_ops", "test_nn", "test_torch", "test_autograd", "test_linalg", "test_reductions",
        "test_binary_ufuncs", "test_unary_ufuncs", "test_foreach", "test_sparse", "test_indexing", "test_view_ops",
        "test_shape_ops", "test_tensor_creation_ops", "test_type_promotion", "test_modules", "test_optim",
        "test_dataloader", "test_serialization", "test_fx", "test_meta", "test_decomp", "test_proxy_tensor",
        "test_schema_check", "test_ops_gradients", "test_ops_fwd_gradients", "test_ops_jit", "test_spectral_ops",
        "test_scatter_gather_ops", "test_sort_and_select", "test_segment_reductions", "test_masked",
        "test_nestedtensor", "test_complex", "test_numba_integration", "test_transformers", "test_matmul_cuda",
        "test_functionalization", "test_expanded_weights", "test_prims", "test_maskedtensor", "test_mkldnn",
        "test_native_functions", "test_overrides", "test_utils", "test_public_bindings", "test_jit",
        "test_quantization", "test_namedtensor", "test_dispatch", "test_python_dispatch",
        "test_cpp_extensions_open_device_registration",
        "test_accelerator", "test_autocast", "test_tensorexpr", "test_numpy_interop", "test_stateless",
        "test_custom_ops", "test_mobile_optimizer", "test_weak", "test_subclass", "functorch/test_ops",
        "functorch/test_vmap", "functorch/test_aotdispatch", "nn/test_convolution", "nn/test_pooling",
        "nn/test_embedding", "nn/test_dropout", "nn/test_multihead_attention", "nn/test_parametrization",
        "dynamo/test_functions", "dynamo/test_misc", "dynamo/test_repros", "dynamo/test_export",
        "export/test_export", "export/test_serialize",
    ]

    /// Test modules run by the `distributed` configuration.
    static let distributedModules = [
        "distributed/test_c10d_common", "distributed/test_c10d_gloo", "distributed/test_c10d_ops",
        "distributed/test_functional_api", "distributed/test_device_mesh", "distributed/test_store",
        "distributed/_composable/fsdp/test_fully_shard_training", "distributed/_composable/fsdp/test_fully_shard_comm",
        "distributed/tensor/test_dtensor", "distributed/tensor/test_redistribute", "distributed/tensor/test_math_ops",
        "distributed/tensor/parallel/test_tp_examples", "distributed/checkpoint/test_state_dict",
        "distributed/pipelining/test_schedule", "distributed/test_data_parallel",
        "distributed/rpc/test_tensorpipe_agent",
    ]

    /// Test modules run by the `inductor` configuration.
    static let inductorModules = [
        "inductor/test_torchinductor", "inductor/test_torchinductor_dynamic_shapes",
        "inductor/test_torchinductor_opinfo",
        "inductor/test_compiled_autograd", "inductor/test_pattern_matcher", "inductor/test_aot_inductor",
        "inductor/test_max_autotune", "inductor/test_cudagraph_trees", "inductor/test_fused_attention",
        "inductor/test_cpu_repro", "inductor/test_codecache", "inductor/test_benchmark_fusion",
        "inductor/test_select_algorithm", "inductor/test_triton_kernels", "inductor/test_padding",
        "inductor/test_loop_ordering", "inductor/test_mkldnn_pattern_matcher", "inductor/test_flex_attention",
        "inductor/test_compile_worker", "inductor/test_scatter_optimization", "inductor/test_combo_kernels",
        "inductor/test_decompose_mem_bound_mm", "inductor/test_minifier", "inductor/test_split_cat_fx_passes",
        "inductor/test_group_batch_fusion", "inductor/test_inplacing_pass", "inductor/test_memory_planning",
        "inductor/test_online_softmax", "inductor/test_cooperative_reductions", "inductor/test_kernel_benchmark",
    ]

    /// Test class stems; a class is `<Stem><DEVICE>`, like `TestCommonNPU`.
    static let classStems = [
        "TestCommon", "TestOps", "TestTorchDeviceType", "TestNNDeviceType", "TestAutogradDeviceType", "TestLinalg",
        "TestReductions", "TestBinaryUfuncs", "TestUnaryUfuncs", "TestForeach", "TestIndexing", "TestViewOps",
        "TestShapeOps", "TestTensorCreation", "TestTypePromotion", "TestModule", "TestOptimRenewed", "TestDecomp",
        "TestMeta", "TestFakeTensor", "TestCompositeCompliance", "TestMathBits", "TestRefs", "TestTags",
        "TestInductorOpInfo", "GPUTests", "DynamicShapesGPUTests", "TestCompiledAutograd", "TestPatternMatcher",
        "TestDistBackend", "TestFullyShard", "TestDTensorOps", "TestRedistribute", "TestDeviceMesh",
    ]

    /// Operator names used in test names.
    static let ops = [
        "add", "sub", "mul", "div", "addmm", "matmul", "bmm", "conv2d", "conv_transpose2d", "max_pool2d",
        "avg_pool2d", "softmax", "log_softmax", "layer_norm", "group_norm", "batch_norm", "embedding", "index_put",
        "index_select", "scatter_reduce", "gather", "cumsum", "cumprod", "sort", "topk", "argmax", "var_mean",
        "std", "norm", "linalg_svd", "linalg_qr", "linalg_solve", "cholesky", "fft_fft", "fft_rfft2", "where",
        "masked_fill", "clamp", "pow", "exp", "log1p", "sigmoid", "tanh", "gelu", "silu", "dropout", "unfold",
        "interpolate", "grid_sample", "pad", "roll", "flip", "nonzero", "unique", "bincount", "histc", "lerp",
        "addcmul", "baddbmm", "einsum", "tensordot", "kron", "cross", "repeat_interleave", "split_with_sizes",
        "cat", "stack", "narrow_copy", "as_strided", "view_as_real", "scaled_dot_product_attention",
        "nn_functional_linear", "nn_functional_cross_entropy", "nn_functional_interpolate", "_foreach_add",
        "_foreach_mul", "_fused_adam", "native_dropout", "upsample_bilinear2d", "logsumexp", "renorm", "polar",
    ]

    /// Test-name variants (`test_<variant>_<op>_<device>_<dtype>`).
    static let variants = [
        "noncontiguous_samples", "out", "variant_consistency_eager", "dtypes", "compare_cpu", "fn_grad",
        "fn_gradgrad", "python_ref", "python_ref_meta", "fake_crossref_backward", "view_replay", "conj_view",
        "neg_view", "multiple_devices", "numpy_ref", "comprehensive", "correctness", "complex_half_reference",
    ]

    /// dtype suffixes.
    static let dtypes = [
        "float32", "float16", "bfloat16", "float64", "int64", "int32", "bool", "complex64", "uint8", "int8",
    ]

    /// Skip reasons (`<skipped message=…>`); `%d` is the device.
    static let skipReasons = [
        "Skipped: %d does not support float64",
        "Only runs on cuda",
        "test requires a newer driver",
        "Not implemented for %d: aten::_linalg_eigh",
        "skipIfTorchDynamo: not applicable",
        "Insufficient %d devices (need 2)",
        "expected failure on %d (tracked in the backend's issue tracker)",
        "test is slow; run with PYTORCH_TEST_WITH_SLOW",
    ]

    /// Failure messages with the last line of a traceback; `%d` is the device, `%D` its upper case.
    static let failureMessages = [
        "AssertionError: Tensor-likes are not close!\n\nMismatched elements: 3 / 1024 (0.3%)\nGreatest absolute difference: 0.0013427734375 at index (7, 2) (up to 1e-05 allowed)\nGreatest relative difference: 0.00218 at index (7, 2) (up to 1.3e-06 allowed)",
        "AssertionError: Scalars are not equal!\n\nExpected 128 but got 127.\nAbsolute difference: 1\nRelative difference: 0.0078125",
        "AssertionError: The values for attribute 'stride()' do not match: (1, 64) != (64, 1).",
        "AssertionError: False is not true : Expected the op to raise \"RuntimeError\" for input dtype torch.bool",
        "torch._dynamo.exc.Unsupported: call_function BuiltinVariable(setattr) [TensorVariable(), ConstantVariable(str: 'grad')] {}",
        "Failed: Timeout >300.0s",
        "AssertionError: Tensor-likes are not equal!\n\nMismatched elements: 1 / 16 (6.2%)\nGreatest absolute difference: 1 at index (3,)",
        "torch._inductor.exc.InductorError: LoweringException: NotImplementedError: aten.cumsum.default on %d",
    ]

    /// Error messages (`<error>`: the test could not run to an assertion).
    static let errorMessages = [
        "RuntimeError: %D out of memory. Tried to allocate 2.00 GiB (GPU 0; 32.00 GiB total capacity; 29.41 GiB already allocated)",
        "NotImplementedError: Could not run 'aten::_foreach_add.List' with arguments from the 'PrivateUse1' backend.",
        "RuntimeError: %d: device-side assert triggered\nCompile with TORCH_USE_DSA to enable device-side assertions.",
        "RuntimeError: ProcessGroup%D is stuck: collective ALLREDUCE timed out after 600000 milliseconds",
        "ImportError: cannot import name 'get_device_properties' from 'torch_%d' (/opt/conda/lib/python3.12/site-packages/torch_%d/__init__.py)",
    ]

    /// Lines of captured output (`<system-out>`); `%d` is the device.
    static let outputLines = [
        "[W1127 10:15:30.123456 3571 torch/csrc/%d/Module.cpp:211] Warning: Device capability 9.0 is not tested",
        "Running test with PYTORCH_TEST_WITH_SLOW=0 PYTORCH_TEST_SKIP_FAST=0",
        "/opt/conda/lib/python3.12/site-packages/torch/_dynamo/utils.py:1722: UserWarning: fallback to eager",
        "%d: allocated 512.00 MiB, reserved 1024.00 MiB, peak 1.75 GiB",
        "Compiled module path: /tmp/torchinductor_ci/cx/cxk3z2m5b4.py",
        "INFO:root:seed = 1234, deterministic = True",
    ]
}
