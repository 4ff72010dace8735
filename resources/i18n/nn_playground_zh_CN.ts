<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>nn_playground</name>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Layers and the W^[i] notation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>A neural network is a stack of layers. The input layer only hands the data on, the hidden layers transform it, and the output layer gives the answer: here ten numbers, one per digit.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>A dense (fully connected) layer joins every input to every output. Layer i holds a weight matrix W^[i] and a bias vector b^[i]; the [i] says which layer a quantity belongs to. In the notes' SimpleNN, fc1 is layer 1: W^[1] is 128×784 (128 outputs, 784 inputs) and b^[1] holds 128 numbers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Every block in the Network stack shows its output shape, its number of parameters and its W^[i] and b^[i] shapes. The Diagram draws the same network as columns of units.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Loads the notes' SimpleNN (seed-mlp), selects fc1 in the stack and opens the Diagram.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Forward propagation in a dense layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Inference runs the input through the layers in order. A dense layer first takes a weighted sum of all its inputs plus a bias, z^[i] = W^[i]·a^[i−1] + b^[i], then applies its activation function, a^[i] = g(z^[i]). The image itself is a^[0]; the last a is the output.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>The weights decide how much each input matters; the bias shifts the sum, so a unit can respond even when its inputs are small.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>For inference PyTorch puts the model in evaluation mode and switches gradients off: nothing is learned, only computed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Puts a test digit on the canvas and opens Inside ▸ Forward pass, step by step: every z and a with the real numbers (an untrained network first trains for a moment).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Backpropagation: how a network learns</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Training compares the output with the true label through a loss function: cross-entropy for classification, mean squared error for regression. The cost is the average loss over the examples.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Backpropagation applies the chain rule from the loss back through every layer and so finds the gradient ∂L/∂W of every weight. Gradient descent then moves each weight a small step against its gradient: W ← W − η·∂L/∂W, where η is the learning rate.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>In PyTorch, torch.autograd records the forward pass and differentiates it; each batch takes three lines.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Opens Inside ▸ While it learns and trains a quarter of an epoch: the gradient of every layer is plotted as the loss falls.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Activation functions: which one where</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Without a non-linear activation, stacked dense layers collapse into a single linear map: the whole network would be no more than linear regression. The activation g(z) lets it bend.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Hidden layers: ReLU, max(0, z), is the default. It is cheap and learns quickly with gradient descent. Tanh (−1 to 1) and Leaky ReLU are worth a try.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Output layer, by task: sigmoid for the probability of a yes (binary classification); linear, that is no activation, for a value that can be anything (regression, e.g. a change in price); ReLU for a value that cannot be negative (e.g. a house price); softmax for one class out of many.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Selects the first activation layer in the Network stack: the form under the stack changes its kind, and the palette's Activation group lists them all.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Softmax (one class) vs sigmoid (many labels)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Multi-class: exactly one answer out of K, such as which digit this is. Softmax turns the K outputs into probabilities, P(y = k | x) = e^{z_k} / Σ_j e^{z_j}: each between 0 and 1, all together 1. Its loss is cross-entropy, the negative log of the true class's probability.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Multi-label: any number of answers at once; a news article can be about politics and the economy. Each label gets its own sigmoid and its own yes or no, so the probabilities need not add up to 1, and the loss is binary cross-entropy per label.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Opens Draw with a test digit: the ten bars are the softmax probabilities, which add up to 1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Adam vs plain gradient descent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Plain gradient descent moves every weight by the same fixed learning rate times its gradient. Too small a rate and it crawls; too large and it jumps about. It has no memory, so it zig-zags across narrow valleys and slows down near saddle points.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Adam (adaptive moment estimation) keeps two running averages for every weight: of its gradient (momentum) and of the gradient's square. So each weight gets a step size of its own, and steps keep their direction through noisy gradients. Adam usually needs fewer epochs, copes with noisy and sparse gradients, and 0.001 is a good learning rate to start with: it is the usual default.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Sets plain SGD with learning rate 0.01 and opens the Training curves: train, then Reset, choose Adam at 0.001 and train again to compare.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Convolution: kernel, stride, padding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>A convolution layer slides small kernels (filters: 3×3 or 5×5 matrices of weights) over the image. At each position it takes the weighted sum of the window under the kernel; all the sums together form a feature map. Each kernel makes one output channel.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>The stride is how far the kernel moves each time: stride 2 halves the size of the map. Padding adds a border of zeros so the kernel can also sit on the edges: 'valid' (none) shrinks the map, 'same' keeps its size. Output size = ⌊(n + 2p − k) / s⌋ + 1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>One kernel is used everywhere (shared weights) and looks at a small window (local connections), so a convolution needs far fewer weights than a dense layer and finds a pattern wherever it is. Early layers find edges and strokes, later ones whole shapes; pooling layers shrink the maps in between.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Loads the small CNN, selects conv1 (its kernel, stride and padding are in the form) and shows its feature maps for a test digit on Inside (training for a moment first if needed).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Matrix multiplication rules</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>A·B exists only when A has as many columns as B has rows: A (a×b) times B (b×c) gives C (a×c). Each entry is a row times a column: C[i][j] = A[i,:]·B[:,j].</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Order matters: A·B ≠ B·A in general, and one of them may not exist at all. The product is associative, A(BC) = (AB)C, and distributes over addition, A(B + C) = AB + AC. The transpose Aᵀ swaps rows and columns, and (AB)ᵀ = BᵀAᵀ.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>A dense layer is such a product: for a batch of inputs X, PyTorch computes X·Wᵀ + b.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Opens Matrices ▸ A·B step by step: edit A and B and step through C one cell at a time; the Laws tab checks each rule on the same numbers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Tensors: from scalars to stacks of matrices</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>PyTorch keeps all data in tensors, arrays with any number of axes. Rank 0 is a single number (a scalar), rank 1 a row of numbers (a vector), rank 2 a table (a matrix), rank 3 a stack of tables, such as a colour image: channels × height × width.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>A batch adds one axis in front: 64 MNIST digits are a tensor of shape 64×1×28×28. Flatten turns each 1×28×28 image into a vector of 784 numbers, which a dense layer can take.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Opens Matrices ▸ Tensors (rank 0–3): each rank with its shape and its PyTorch code.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Training vs test: evaluation and over-fitting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>A model is judged on data it has never seen. The data is split: the training set (often 70 % or more) is used to learn the parameters, the test set only to measure how well the model generalises. MNIST comes split into 60,000 training and 10,000 test digits.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>A low training error with a high test error is over-fitting: the network has memorised its examples instead of learning the pattern. Watch both curves; when the test loss rises while the training loss keeps falling, stop, or regularise (dropout, weight decay, more data).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>For classification, compare the share of misclassified digits on both sets; the confusion matrix shows which classes get mixed up.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../playground/core/learn_topics.py" line="0" />
            <source>Opens Evaluation and classifies the whole test set: confusion matrix, accuracy per class and the most confidently wrong digits (an untrained network first trains a quarter of an epoch).</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
