/* main.c — placeholder until the command table lands. */
#include <stdio.h>
#include <string.h>

#include "storytrack.h"

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--version") == 0) {
        printf("storytrack %s\n", ST_VERSION);
        return 0;
    }
    fprintf(stderr, "usage: storytrack COMMAND [options]\n");
    return 2;
}
