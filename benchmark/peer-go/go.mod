module hndeepest/benchmark/peer

go 1.22
