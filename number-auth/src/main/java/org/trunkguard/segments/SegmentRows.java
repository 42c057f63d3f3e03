package org.trunkguard.segments;

import java.util.Arrays;

/**
 * The rows of a segment file as parallel primitive arrays: ten million rows must fit without an
 * object per row. Codes are {@link org.trunkguard.numbers.NumberDigits packed numbers}, whose
 * numeric order is (foreign flag, length, value), so sorting by first code groups rows by length
 * and orders them within it.
 */
final class SegmentRows {

    private long[] firstCodes = new long[1024];
    private long[] lastCodes = new long[1024];
    private int[] enterprises = new int[1024];
    private int[] lines = new int[1024];
    private int size;

    void add(long firstCode, long lastCode, int enterprise, int line) {
        if (size == firstCodes.length) {
            int capacity = size + (size >> 1);
            firstCodes = Arrays.copyOf(firstCodes, capacity);
            lastCodes = Arrays.copyOf(lastCodes, capacity);
            enterprises = Arrays.copyOf(enterprises, capacity);
            lines = Arrays.copyOf(lines, capacity);
        }
        firstCodes[size] = firstCode;
        lastCodes[size] = lastCode;
        enterprises[size] = enterprise;
        lines[size] = line;
        size++;
    }

    int size() {
        return size;
    }

    long firstCode(int row) {
        return firstCodes[row];
    }

    long lastCode(int row) {
        return lastCodes[row];
    }

    int enterprise(int row) {
        return enterprises[row];
    }

    int line(int row) {
        return lines[row];
    }

    /** Sorts by first code. Segment files are usually written in order, so check that first. */
    void sortByFirstCode() {
        boolean sorted = true;
        for (int i = 1; i < size && sorted; i++) {
            sorted = firstCodes[i - 1] <= firstCodes[i];
        }
        if (!sorted) {
            quicksort(0, size - 1);
        }
    }

    private void quicksort(int low, int high) {
        while (high - low > 16) {
            int middle = (low + high) >>> 1;
            long pivot = medianOfThree(firstCodes[low], firstCodes[middle], firstCodes[high]);
            int left = low;
            int right = high;
            while (left <= right) {
                while (firstCodes[left] < pivot) {
                    left++;
                }
                while (firstCodes[right] > pivot) {
                    right--;
                }
                if (left <= right) {
                    swap(left++, right--);
                }
            }
            // Recurse into the smaller side so the stack stays logarithmic.
            if (right - low < high - left) {
                quicksort(low, right);
                low = left;
            } else {
                quicksort(left, high);
                high = right;
            }
        }
        for (int i = low + 1; i <= high; i++) {
            for (int j = i; j > low && firstCodes[j - 1] > firstCodes[j]; j--) {
                swap(j - 1, j);
            }
        }
    }

    private static long medianOfThree(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private void swap(int i, int j) {
        long first = firstCodes[i];
        firstCodes[i] = firstCodes[j];
        firstCodes[j] = first;
        long last = lastCodes[i];
        lastCodes[i] = lastCodes[j];
        lastCodes[j] = last;
        int enterprise = enterprises[i];
        enterprises[i] = enterprises[j];
        enterprises[j] = enterprise;
        int line = lines[i];
        lines[i] = lines[j];
        lines[j] = line;
    }
}
