System.Console.WriteLine(SimdMlp.Kernels.SimdCapabilities.Describe());
