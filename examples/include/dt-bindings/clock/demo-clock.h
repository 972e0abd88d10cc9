/* SPDX-License-Identifier: MIT */
/* Clock ids of the dtdma demo SoC (written for this project). */
#ifndef _DT_BINDINGS_CLOCK_DEMO_CLOCK_H
#define _DT_BINDINGS_CLOCK_DEMO_CLOCK_H

#define DEMO_CLK_DUMMY		0
#define DEMO_CLK_SDMA1_ROOT	1
#define DEMO_CLK_SDMA2_ROOT	2
#define DEMO_CLK_UART1		3
#define DEMO_CLK_UART2		4
#define DEMO_CLK_ECSPI1		5
#define DEMO_CLK_SAI1		6
#define DEMO_CLK_IPG		7
#define DEMO_CLK_AHB		8

#endif
