#!/usr/bin/env bash
# Installs what the tests and benchmarks need that a fresh Debian machine lacks (dtc, cpp, Neovim,
# Graphviz, dt-schema, linux-source-6.1), and unpacks the devicetree parts of the kernel into a cache directory.
# Idempotent: a second run with everything in place does nothing but print the corpus path.
#
#   scripts/setup-corpus.sh            # prints the kernel tree path on its last line
#   DTDMA_CACHE=/some/dir scripts/setup-corpus.sh
set -euo pipefail

cache="${DTDMA_CACHE:-$HOME/.cache/dtdma}"
kernel="$cache/linux-source-6.1"
tarball=/usr/src/linux-source-6.1.tar.xz

need=()
command -v dtc >/dev/null 2>&1 || need+=(device-tree-compiler)
command -v cpp >/dev/null 2>&1 || need+=(cpp)
[ -f "$tarball" ] || need+=(linux-source-6.1)
command -v nvim >/dev/null 2>&1 || need+=(neovim)      # the real-editor test (Neovim's LSP client)
command -v dot >/dev/null 2>&1 || need+=(graphviz)     # dtdma topology --format svg
# dt-schema's core schemas for the BND checks, and dt-mk-schema + dt-validate for their differential test
command -v dt-validate >/dev/null 2>&1 || need+=(dt-schema)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup-corpus: need Debian packages ${need[*]}; run as root or install them" >&2
    exit 2
  fi
  echo "setup-corpus: installing ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

# bump when the list of unpacked paths changes, so an old cache is refreshed
layout=3
stamp="$kernel/.dtdma-unpacked-$layout"
if [ ! -f "$stamp" ] || [ "$tarball" -nt "$stamp" ]; then
  echo "setup-corpus: unpacking devicetree sources into $kernel" >&2
  rm -rf "$kernel.tmp"
  mkdir -p "$kernel.tmp"
  tar -xJf "$tarball" -C "$kernel.tmp" --strip-components=1 --wildcards \
    'linux-source-6.1/arch/*/boot/dts' \
    'linux-source-6.1/include/dt-bindings' \
    'linux-source-6.1/include/uapi' \
    'linux-source-6.1/scripts/dtc/include-prefixes' \
    'linux-source-6.1/scripts/Makefile.lib' \
    'linux-source-6.1/Documentation/devicetree' \
    'linux-source-6.1/drivers/dma/imx-sdma.c' \
    'linux-source-6.1/include/linux/dma/imx-dma.h' \
    'linux-source-6.1/drivers/tty/serial/imx.c' \
    'linux-source-6.1/drivers/spi/spi-imx.c' \
    'linux-source-6.1/drivers/i2c/busses/i2c-imx.c' \
    'linux-source-6.1/drivers/tty/serial/fsl_lpuart.c' \
    'linux-source-6.1/drivers/spi/spi-fsl-lpspi.c' \
    'linux-source-6.1/drivers/spi/spi-fsl-dspi.c' \
    'linux-source-6.1/sound/soc/soc-generic-dmaengine-pcm.c' \
    'linux-source-6.1/sound/soc/fsl/imx-pcm-dma.c' \
    'linux-source-6.1/sound/soc/fsl/fsl_sai.c' \
    'linux-source-6.1/sound/soc/fsl/fsl_ssi.c' \
    'linux-source-6.1/sound/soc/fsl/fsl_esai.c' \
    'linux-source-6.1/sound/soc/fsl/fsl_spdif.c' \
    'linux-source-6.1/sound/soc/fsl/fsl_micfil.c' \
    'linux-source-6.1/sound/soc/fsl/fsl_xcvr.c' \
    'linux-source-6.1/sound/soc/fsl/fsl_aud2htx.c' \
    'linux-source-6.1/sound/soc/fsl/fsl_asrc.c' \
    'linux-source-6.1/sound/soc/fsl/fsl_easrc.c' \
    'linux-source-6.1/sound/soc/fsl/fsl_asrc_dma.c' \
    'linux-source-6.1/drivers/mtd/nand/raw/gpmi-nand/gpmi-nand.c' \
    'linux-source-6.1/drivers/mtd/nand/raw/mxc_nand.c' \
    'linux-source-6.1/drivers/i2c/busses/i2c-mxs.c' \
    'linux-source-6.1/drivers/mmc/host/mxs-mmc.c' \
    'linux-source-6.1/drivers/spi/spi-mxs.c' \
    'linux-source-6.1/drivers/tty/serial/mxs-auart.c' \
    'linux-source-6.1/drivers/mmc/host/mxcmmc.c' \
    'linux-source-6.1/sound/soc/mxs/mxs-saif.c' \
    'linux-source-6.1/sound/soc/mxs/mxs-pcm.c' \
    'linux-source-6.1/drivers/tty/serial/8250/8250_port.c' \
    'linux-source-6.1/drivers/tty/serial/8250/8250_dma.c' \
    'linux-source-6.1/drivers/tty/serial/8250/8250_dw.c' \
    'linux-source-6.1/drivers/tty/serial/amba-pl011.c' \
    'linux-source-6.1/drivers/spi/spi-pl022.c' \
    'linux-source-6.1/drivers/spi/spi-rockchip.c' \
    'linux-source-6.1/sound/soc/rockchip/rockchip_i2s.c' \
    'linux-source-6.1/sound/soc/rockchip/rockchip_i2s_tdm.c' \
    'linux-source-6.1/sound/soc/rockchip/rockchip_spdif.c' \
    'linux-source-6.1/drivers/spi/spi-sun6i.c' \
    'linux-source-6.1/sound/soc/sunxi/sun4i-i2s.c' \
    'linux-source-6.1/sound/soc/sunxi/sun4i-spdif.c' \
    'linux-source-6.1/sound/soc/sunxi/sun4i-codec.c' \
    'linux-source-6.1/drivers/gpu/drm/sun4i/sun4i_tcon.c' \
    'linux-source-6.1/drivers/gpu/drm/mxsfb/mxsfb_drv.c' \
    'linux-source-6.1/sound/soc/stm/stm32_sai_sub.c' \
    'linux-source-6.1/drivers/spi/spi-stm32.c' \
    'linux-source-6.1/drivers/i2c/busses/i2c-stm32.c' \
    'linux-source-6.1/drivers/i2c/busses/i2c-stm32f7.c' \
    'linux-source-6.1/drivers/tty/serial/stm32-usart.c' \
    'linux-source-6.1/Makefile'
  touch "$kernel.tmp/.dtdma-unpacked-$layout"
  # swap in the new tree with two renames, so a reader never sees it half-written
  rm -rf "$kernel.old"
  if [ -d "$kernel" ]; then mv "$kernel" "$kernel.old"; fi
  mv "$kernel.tmp" "$kernel"
  rm -rf "$kernel.old"
fi
echo "$kernel"
