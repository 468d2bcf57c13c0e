#include "clientscore/app.hpp"

int main(int argc, char** argv) { return clientscore::run(argc, argv); }
